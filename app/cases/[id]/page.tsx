import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseChecklist, type ChecklistItem } from "@/components/case/case-checklist";
import { CaseChoice } from "@/components/case/case-choice";
import { CaseClock } from "@/components/case/case-clock";
import { CaseControls } from "@/components/case/case-controls";
import { CaseNotes } from "@/components/case/case-notes";
import { CaseStart } from "@/components/case/case-start";
import { ScoreCard } from "./score-card";
import { Estimate } from "@/components/exercise/estimate";
import { LessonContent } from "@/components/mdx/lesson-content";
import { requireUser } from "@/lib/auth";
import { caseSteps, coverPoint, spotLineId, type CaseStep } from "@/lib/cases";
import { INTERVIEW_MINUTES, compileCaseReference, getCase, stepTitle, type CaseEntry } from "@/lib/content";
import { getCaseRun, getLatestAttempt, listCaseResults, serveVariant, type CaseRunView } from "@/lib/progress";

type Props = { params: Promise<{ id: string }> };

const CURVEBALL_MINUTES = 3;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = getCase((await params).id);
  return entry ? { title: entry.title, description: entry.summary } : { title: "Case not found" };
}

/** The question, checklist, estimates and choices of one step of a case (the curveball has its own prompt). */
function stepContent(entry: CaseEntry, step: CaseStep) {
  if (step === "curveball")
    return {
      question: entry.curveball.prompt,
      checklist: entry.curveball.checklist,
      estimates: entry.curveball.estimates,
      choices: [],
      spot: [],
    };
  const stage = entry.stages[step];
  return {
    question: stage.question,
    checklist: stage.checklist,
    estimates: stage.estimates,
    choices: stage.choices,
    spot: stage.spotTheProblem,
  };
}

async function estimatesOf(userId: string, ids: readonly string[], run: CaseRunView) {
  const served = [];
  for (const id of ids) {
    const variant = serveVariant(id, 0);
    if (!variant) continue;
    const latest = await getLatestAttempt(userId, id, "case");
    const ofThisRun = latest && latest.attempt.createdAt >= run.startedAt ? latest : null;
    served.push({
      id,
      ...variant,
      previous: ofThisRun
        ? {
            answers: ofThisRun.attempt.answers,
            grade: ofThisRun.grade,
            createdAt: ofThisRun.attempt.createdAt.toISOString(),
          }
        : null,
    });
  }
  return served;
}

export default async function CasePage({ params }: Props) {
  const { id } = await params;
  const entry = getCase(id);
  if (!entry) notFound();
  const user = await requireUser(`/cases/${id}`);
  const now = new Date();
  const run = await getCaseRun(user.id, id, now);
  const steps = caseSteps(entry.curveball.after);

  const header = (
    <header className="space-y-2 border-b border-border pb-6">
      <p className="text-sm font-medium text-muted">
        <Link href="/cases" className="underline">
          Case studies
        </Link>{" "}
        · {entry.code} · {entry.difficulty}
        {run ? ` · ${run.mode} mode` : ""}
      </p>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{entry.title}</h1>
      <p className="text-lg">{entry.brief}</p>
    </header>
  );

  if (!run || run.state.step === "done") {
    const [latest] = run ? await listCaseResults(user.id, id) : [];
    return (
      <article className="mx-auto max-w-3xl space-y-6">
        {header}
        {latest && <ScoreCard entry={entry} result={latest} />}
        <CaseStart caseId={id} restart={run !== null} />
      </article>
    );
  }

  const step = run.state.step;
  const content = stepContent(entry, step);
  const revealed = run.state.revealed;
  const notes = run.notes[step] ?? "";
  const estimates = await estimatesOf(
    user.id,
    [...content.estimates, ...content.spot.map((item) => item.estimate)],
    run,
  );
  const reference = revealed ? await compileCaseReference(entry, step) : null;
  const checklist: ChecklistItem[] = revealed
    ? content.checklist.map((point) => {
        const coverage = coverPoint(notes, point.match);
        return {
          id: point.id,
          point: point.point,
          concepts: point.match.map((words, i) => ({ words: [...words], matched: coverage.matched[i] ?? null })),
          premark: coverage.mark,
          confirmed: run.marks[point.id] ?? null,
        };
      })
    : [];
  const totalMs = Object.values(run.timeMs).reduce((sum, ms) => sum + (ms ?? 0), 0);
  // The curveball is a short turn inside the stage it follows: a few minutes on the clock, scored with that stage.
  const budgetMs = (step === "curveball" ? CURVEBALL_MINUTES : entry.budgetMinutes[step]) * 60_000;
  const index = steps.indexOf(step);
  const next = steps[index + 1];

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      {header}
      <nav aria-label="Stages">
        <ol className="flex flex-wrap gap-2 text-sm">
          {steps.map((s, i) => (
            <li
              key={s}
              aria-current={s === step ? "step" : undefined}
              className={`rounded-full border px-3 py-1 ${s === step ? "border-accent font-semibold" : i < index ? "border-border text-muted line-through" : "border-dashed border-border text-muted"}`}
            >
              {i + 1}. {stepTitle(s)}
            </li>
          ))}
        </ol>
      </nav>
      {run.mode === "interview" && (
        <CaseClock
          caseId={id}
          stepMs={run.timeMs[step] ?? 0}
          totalMs={totalMs}
          budgetMs={budgetMs}
          totalBudgetMs={INTERVIEW_MINUTES * 60_000}
          running={!run.paused}
        />
      )}
      <section aria-labelledby="stage-title" className="space-y-5">
        <h2 id="stage-title" className="text-2xl font-semibold">
          {stepTitle(step)}
        </h2>
        <p className="text-lg">{content.question}</p>
        <CaseNotes key={step} caseId={id} step={step} initial={notes} label="Your notes for this stage" />
        {content.spot.map((item) => (
          <div key={item.id} className="card space-y-2">
            <h3 className="font-semibold">Spot the problem</h3>
            <p>{item.intro}</p>
            <CaseChoice
              caseId={id}
              choiceId={item.id}
              question="Which line is wrong?"
              options={item.lines.map((line, index) => ({ id: spotLineId(index), text: line }))}
              picked={run.choices[item.id] ?? null}
              {...(revealed ? { answer: { optionId: spotLineId(item.wrongLine), why: item.why } } : {})}
            />
            <p className="text-sm text-muted">Then work out the right number in the estimate below.</p>
          </div>
        ))}
        {estimates.map((estimate) => (
          <Estimate
            key={estimate.id}
            prompt={estimate.prompt}
            token={estimate.token}
            previous={estimate.previous}
            source="case"
          />
        ))}
        {content.choices.map((choice) => (
          <CaseChoice
            key={choice.id}
            caseId={id}
            choiceId={choice.id}
            question={choice.question}
            options={choice.options}
            picked={run.choices[choice.id] ?? null}
            {...(revealed ? { answer: { optionId: choice.answer, why: choice.why } } : {})}
          />
        ))}
        {reference && (
          <section aria-label="Reference answer" className="lesson-prose rounded-lg border border-border p-5">
            <LessonContent code={reference} estimates={{}} />
          </section>
        )}
        {revealed && <CaseChecklist caseId={id} items={checklist} />}
        <CaseControls
          caseId={id}
          revealed={revealed}
          nextLabel={next ? `Next: ${stepTitle(next)}` : "Finish and see the score card"}
        />
      </section>
    </article>
  );
}
