// The score card of a case, like an interviewer's rubric: each stage rated 0 to 3 from what the learner did in it,
// the deep dive counted twice, a total with a band, and the two weakest stages with what to study next.

import { markCredit, type CoverageMark } from "./coverage";
import { CASE_STAGES, type CaseStage } from "./stage-names";

export type Rating = 0 | 1 | 2 | 3;

/** What the learner did in one stage; a part the stage does not have is left out. */
export type StageWork = {
  /** the learner's confirmed mark for each checklist point */
  readonly marks: readonly CoverageMark[];
  /** the score (0 to 1) of each graded estimate of the stage, 0 for one not answered */
  readonly estimates: readonly number[];
  /** for each design choice of the stage: answered right */
  readonly choices: readonly boolean[];
  /** time spent in the stage */
  readonly elapsedMs: number;
};

export type StageScore = {
  readonly stage: CaseStage;
  /** 0 to 1: the mean of the stage's parts (checklist share, mean estimate score, share of right choices) */
  readonly share: number;
  readonly rating: Rating;
  readonly weight: number;
  readonly elapsedMs: number;
  readonly budgetMs: number;
};

export type Band = "not yet" | "mixed signal" | "hire signal" | "strong hire signal";

export type ScoreCard = {
  readonly stages: readonly StageScore[];
  /** weighted ratings over the most they could be, 0 to 1 */
  readonly total: number;
  readonly band: Band;
  /** the two weakest stages, weakest first */
  readonly weakest: readonly CaseStage[];
};

/** The deep dive is where an interviewer learns the most: it counts twice. */
export const STAGE_WEIGHTS: Record<CaseStage, number> = {
  requirements: 1,
  estimation: 1,
  api: 1,
  design: 1,
  deepDive: 2,
  failures: 1,
  wrapUp: 1,
};

/** share ≥ 0.85 → 3, ≥ 0.6 → 2, ≥ 0.3 → 1, else 0. */
export function ratingFor(share: number): Rating {
  return share >= 0.85 ? 3 : share >= 0.6 ? 2 : share >= 0.3 ? 1 : 0;
}

/** total < 0.4 → not yet, < 0.6 → mixed signal, < 0.8 → hire signal, else strong hire signal. */
export function bandFor(total: number): Band {
  return total < 0.4 ? "not yet" : total < 0.6 ? "mixed signal" : total < 0.8 ? "hire signal" : "strong hire signal";
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** A stage's share: the mean of its parts that exist; a stage with no work at all scores 0. */
export function stageShare(work: StageWork): number {
  const parts = [
    mean(work.marks.map(markCredit)),
    mean(work.estimates.map((score) => Math.min(1, Math.max(0, score)))),
    mean(work.choices.map((right) => (right ? 1 : 0))),
  ].filter((part): part is number => part !== null);
  return mean(parts) ?? 0;
}

/**
 * The score card: per stage its share, rating and time against its budget; the total (ratings weighted by
 * STAGE_WEIGHTS over the most possible) with its band; the two weakest stages (lowest rating, then lowest share,
 * then course order).
 */
export function scoreCase(work: Record<CaseStage, StageWork>, budgetMinutes: Record<CaseStage, number>): ScoreCard {
  const stages = CASE_STAGES.map((stage): StageScore => {
    const share = stageShare(work[stage]);
    return {
      stage,
      share,
      rating: ratingFor(share),
      weight: STAGE_WEIGHTS[stage],
      elapsedMs: work[stage].elapsedMs,
      budgetMs: budgetMinutes[stage] * 60_000,
    };
  });
  const most = stages.reduce((sum, s) => sum + 3 * s.weight, 0);
  const total = stages.reduce((sum, s) => sum + s.rating * s.weight, 0) / most;
  const weakest = [...stages]
    .sort(
      (a, b) => a.rating - b.rating || a.share - b.share || CASE_STAGES.indexOf(a.stage) - CASE_STAGES.indexOf(b.stage),
    )
    .slice(0, 2)
    .map((s) => s.stage);
  return { stages, total, band: bandFor(total), weakest };
}
