import { evaluateScratchpad, givenScope, type GivenPrompt } from "@/lib/engine/client";
import type { ExerciseGrade } from "@/lib/engine/client";

export type WorkedSolutionProps = {
  grade: ExerciseGrade;
  /** The learner's scratchpad lines, shown beside the reference. */
  work?: readonly string[];
  givens?: readonly GivenPrompt[];
};

/**
 * Each step's formula with the numbers put in, its result, and where the learner's answer first diverged; beside
 * it, the learner's own scratchpad lines as the engine read them.
 */
export function WorkedSolution({ grade, work = [], givens = [] }: WorkedSolutionProps) {
  const lines = work.length > 0 ? evaluateScratchpad(work, givenScope(givens)) : [];
  return (
    <details className="mt-5 rounded-md border border-border p-4" open={grade.divergedAt !== null || work.length > 0}>
      <summary className="cursor-pointer font-semibold">Worked solution</summary>
      <div className={work.length > 0 ? "mt-3 grid gap-4 md:grid-cols-2" : "mt-3"}>
        {work.length > 0 && (
          <section aria-label="Your scratchpad">
            <p className="text-sm font-semibold">Your lines</p>
            <ol className="mt-2 space-y-1 font-mono text-sm">
              {work.map((line, index) => {
                const result = lines[index];
                return (
                  <li key={index} className="break-words">
                    <span className="text-muted">{index + 1}. </span>
                    {line}
                    {result?.kind === "value" && <span className="text-muted"> = {result.display}</span>}
                  </li>
                );
              })}
            </ol>
          </section>
        )}
        <section aria-label="The reference">
          {work.length > 0 && <p className="text-sm font-semibold">The reference</p>}
          <ol className={work.length > 0 ? "mt-2 space-y-3" : "space-y-3"}>
            {grade.worked.map((step, index) => {
              const diverged = grade.divergedAt === step.id;
              return (
                <li
                  key={step.id}
                  className={diverged ? "rounded-md border-l-4 border-danger bg-danger-soft p-3" : "p-1"}
                >
                  <p className="font-medium">
                    {index + 1}. {step.prompt}
                  </p>
                  {diverged && <p className="text-sm font-semibold">Your answer first went off here.</p>}
                  <p className="mt-1 break-words font-mono text-sm">{step.substituted}</p>
                  <p className="font-mono text-sm font-semibold">= {step.result}</p>
                  {step.explain && <p className="mt-1 text-sm text-muted">{step.explain}</p>}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </details>
  );
}
