import Link from "next/link";
import { CASE_STAGES, type CaseStage } from "@/lib/cases";
import { getCase, getDrill, getLesson, listCurriculum, stepTitle, type CaseEntry } from "@/lib/content";
import type { CaseResultView } from "@/lib/progress";

/** The two weakest stages of a stored score card: lowest rating, then lowest share, then course order. */
function weakestOf(stages: readonly { stage: string; rating: number; share: number }[]): CaseStage[] {
  return stages
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => a.rating - b.rating || a.share - b.share || a.order - b.order)
    .flatMap((s) => CASE_STAGES.filter((stage) => stage === s.stage))
    .slice(0, 2);
}

function studyHref(id: string): string {
  return getDrill(id) ? `/practice/${id}` : getCase(id) ? `/cases/${id}` : `/learn/${id}`;
}

function studyTitle(id: string): string {
  return (
    getDrill(id)?.exercise.title ??
    getLesson(id)?.title ??
    listCurriculum().find((entry) => entry.id === id)?.title ??
    id
  );
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}

export type ScoreCardProps = { entry: CaseEntry; result: CaseResultView };

/** A finished run's score card: each stage's rating and time against its budget, the band, and what to study next. */
export function ScoreCard({ entry, result: latest }: ScoreCardProps) {
  return (
    <section aria-labelledby="score-card" className="card space-y-3">
      <h2 id="score-card" className="text-xl font-semibold">
        Score card: {percent(latest.total)}, {latest.band}
      </h2>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th className="py-1">Stage</th>
            <th className="py-1 text-right">Rating (0-3)</th>
            <th className="py-1 text-right">Time / budget</th>
          </tr>
        </thead>
        <tbody>
          {latest.stages.map((stage) => (
            <tr key={stage.stage} className="border-t border-border">
              <td className="py-1">{stepTitle(stage.stage)}</td>
              <td className="py-1 text-right tabular-nums">{stage.rating}</td>
              <td className={`py-1 text-right tabular-nums ${stage.elapsedMs > stage.budgetMs ? "text-danger" : ""}`}>
                {minutes(stage.elapsedMs)} / {minutes(stage.budgetMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="font-semibold">What to study next</h3>
      <ul className="space-y-1 text-sm">
        {weakestOf(latest.stages).map((stage) => (
          <li key={stage}>
            <span className="font-medium">{stepTitle(stage)}:</span>{" "}
            {(entry.study[stage] ?? []).map((studyId, i) => (
              <span key={studyId}>
                {i > 0 ? ", " : ""}
                <Link href={studyHref(studyId)} className="underline">
                  {studyTitle(studyId)}
                </Link>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
