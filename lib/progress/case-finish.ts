import "server-only";
import {
  coverPoint,
  spotLineId,
  scoreCase,
  type CaseStage,
  type CaseStep,
  type CoverageMark,
  type ScoreCard,
  type StageWork,
} from "@/lib/cases";
import type { CaseEntry, ChecklistPoint } from "@/lib/content";
import type { Tx } from "./db";
import type { RunRow } from "./case-runs";

const MARKS = new Set<string>(["covered", "partly", "missed"]);

function isMark(value: string): value is CoverageMark {
  return MARKS.has(value);
}

/**
 * The learner's work in each stage of a finished run: confirmed checklist marks (a point never confirmed counts as
 * the notes' pre-mark), the first graded attempt at each estimate since the run started (0 when never answered), and
 * the design choices. The curveball's work counts towards the stage it follows.
 */
export async function gatherWork(
  tx: Tx,
  userId: string,
  entry: CaseEntry,
  startedAt: Date,
  times: Partial<Record<CaseStep, number>>,
): Promise<Record<CaseStage, StageWork>> {
  const [rows, attempts] = await Promise.all([
    tx.caseEntry.findMany({ where: { userId, caseId: entry.id }, select: { key: true, value: true } }),
    tx.attempt.findMany({
      where: { userId, exerciseId: { in: entry.exercises.map((e) => e.spec.id) }, createdAt: { gte: startedAt } },
      orderBy: { createdAt: "asc" },
      select: { exerciseId: true, score: true },
    }),
  ]);
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const firstScore = new Map<string, number>();
  for (const attempt of attempts)
    if (!firstScore.has(attempt.exerciseId)) firstScore.set(attempt.exerciseId, attempt.score);
  const marksOf = (step: CaseStep, points: readonly ChecklistPoint[]): CoverageMark[] =>
    points.map((point) => {
      const confirmed = values.get(`mark:${point.id}`);
      return confirmed !== undefined && isMark(confirmed)
        ? confirmed
        : coverPoint(values.get(`notes:${step}`) ?? "", point.match).mark;
    });
  const workOf = (stage: CaseStage): StageWork => {
    const content = entry.stages[stage];
    const withCurveball = entry.curveball.after === stage;
    const estimateIds = [
      ...content.estimates,
      ...content.spotTheProblem.map((item) => item.estimate),
      ...(withCurveball ? entry.curveball.estimates : []),
    ];
    return {
      marks: [
        ...marksOf(stage, content.checklist),
        ...(withCurveball ? marksOf("curveball", entry.curveball.checklist) : []),
      ],
      estimates: estimateIds.map((exerciseId) => firstScore.get(exerciseId) ?? 0),
      choices: [
        ...content.choices.map((choice) => values.get(`choice:${choice.id}`) === choice.answer),
        ...content.spotTheProblem.map((item) => values.get(`choice:${item.id}`) === spotLineId(item.wrongLine)),
      ],
      elapsedMs: (times[stage] ?? 0) + (withCurveball ? (times.curveball ?? 0) : 0),
    };
  };
  return {
    requirements: workOf("requirements"),
    estimation: workOf("estimation"),
    api: workOf("api"),
    design: workOf("design"),
    deepDive: workOf("deepDive"),
    failures: workOf("failures"),
    wrapUp: workOf("wrapUp"),
  };
}

/** Score a run that has just reached "done" and keep its score card. */
export async function finishCase(
  tx: Tx,
  userId: string,
  entry: CaseEntry,
  row: RunRow,
  times: Partial<Record<CaseStep, number>>,
  now: Date,
): Promise<ScoreCard> {
  const card = scoreCase(await gatherWork(tx, userId, entry, row.startedAt, times), entry.budgetMinutes);
  await tx.caseResult.create({
    data: {
      userId,
      caseId: entry.id,
      mode: row.mode,
      total: card.total,
      band: card.band,
      stages: card.stages.map((s) => ({
        stage: s.stage,
        rating: s.rating,
        share: s.share,
        elapsedMs: s.elapsedMs,
        budgetMs: s.budgetMs,
      })),
      finishedAt: now,
    },
  });
  return card;
}
