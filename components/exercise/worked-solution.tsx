import type { ExerciseGrade } from "@/lib/engine/client";

export type WorkedSolutionProps = { grade: ExerciseGrade };

/** Each step's formula with the numbers put in, its result, and where the learner's answer first diverged. */
export function WorkedSolution({ grade }: WorkedSolutionProps) {
  return (
    <details className="mt-5 rounded-md border border-border p-4" open={grade.divergedAt !== null}>
      <summary className="cursor-pointer font-semibold">Worked solution</summary>
      <ol className="mt-3 space-y-3">
        {grade.worked.map((step, index) => {
          const diverged = grade.divergedAt === step.id;
          return (
            <li key={step.id} className={diverged ? "rounded-md border-l-4 border-danger bg-danger-soft p-3" : "p-1"}>
              <p className="font-medium">
                {index + 1}. {step.prompt}
              </p>
              {diverged && <p className="text-sm font-semibold">Your answer first went off here.</p>}
              <p className="mt-1 font-mono text-sm">{step.substituted}</p>
              <p className="font-mono text-sm font-semibold">= {step.result}</p>
              {step.explain && <p className="mt-1 text-sm text-muted">{step.explain}</p>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
