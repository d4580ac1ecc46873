import "server-only";
import { z } from "zod";
import { CASE_STAGES, CASE_STEP_NAMES, mayWrite, type CaseState, type CaseStep, type CoverageMark } from "@/lib/cases";
import { getCase } from "@/lib/content";
import { type Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

// Reading a learner's run through a case: where they are, their time per step, and what they wrote and chose.

export type CaseMode = "practice" | "interview";

export type CaseRunView = {
  caseId: string;
  mode: CaseMode;
  state: CaseState;
  /** milliseconds spent per step, the current step's running time included up to `now` */
  timeMs: Partial<Record<CaseStep, number>>;
  paused: boolean;
  startedAt: Date;
  completedAt: Date | null;
  notes: Partial<Record<CaseStep, string>>;
  marks: Record<string, CoverageMark>;
  choices: Record<string, string>;
};

export const runSelect = {
  caseId: true,
  mode: true,
  step: true,
  revealed: true,
  timeMs: true,
  stepSince: true,
  startedAt: true,
  completedAt: true,
} satisfies Prisma.CaseRunSelect;

export type RunRow = Prisma.CaseRunGetPayload<{ select: typeof runSelect }>;

const stepSchema = z.enum(CASE_STEP_NAMES);
const timeSchema = z.record(z.string(), z.number());
const markSchema = z.enum(["covered", "partly", "missed"]);

/** The stored per-step times, with the current step's running time added when the clock is running. */
export function timesOf(
  row: Pick<RunRow, "step" | "timeMs" | "stepSince">,
  now: Date,
): Partial<Record<CaseStep, number>> {
  const stored = timeSchema.parse(row.timeMs);
  const times: Partial<Record<CaseStep, number>> = {};
  for (const [step, ms] of Object.entries(stored)) {
    const parsed = stepSchema.safeParse(step);
    if (parsed.success) times[parsed.data] = ms;
  }
  const current = stepSchema.safeParse(row.step);
  if (current.success && row.stepSince)
    times[current.data] = (times[current.data] ?? 0) + Math.max(0, now.getTime() - row.stepSince.getTime());
  return times;
}

export function stateOf(row: Pick<RunRow, "step" | "revealed">): CaseState {
  const step = row.step === "done" ? "done" : stepSchema.parse(row.step);
  return { step, revealed: row.revealed };
}

/** The learner's run of a case with everything they wrote, or null when they have not started it. */
export async function getCaseRun(userId: string, caseId: string, now: Date): Promise<CaseRunView | null> {
  const [row, entries] = await Promise.all([
    db().caseRun.findUnique({ where: { userId_caseId: { userId, caseId } }, select: runSelect }),
    db().caseEntry.findMany({ where: { userId, caseId }, select: { key: true, value: true } }),
  ]);
  if (!row) return null;
  const view: CaseRunView = {
    caseId,
    mode: row.mode === "interview" ? "interview" : "practice",
    state: stateOf(row),
    timeMs: timesOf(row, now),
    paused: row.stepSince === null,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    notes: {},
    marks: {},
    choices: {},
  };
  for (const { key, value } of entries) {
    const [kind, id = ""] = key.split(":", 2);
    if (kind === "notes") {
      const step = stepSchema.safeParse(id);
      if (step.success) view.notes[step.data] = value;
    } else if (kind === "mark") {
      const mark = markSchema.safeParse(value);
      if (mark.success) view.marks[id] = mark.data;
    } else if (kind === "choice") view.choices[id] = value;
  }
  return view;
}

/** Each case the learner has started: where they are and their best finished score, for the case list. */
export async function listCaseStatus(
  userId: string,
): Promise<{ caseId: string; step: string; completedAt: Date | null; best: number | null }[]> {
  const [runs, best] = await Promise.all([
    db().caseRun.findMany({ where: { userId }, select: { caseId: true, step: true, completedAt: true } }),
    db().caseResult.groupBy({ by: ["caseId"], where: { userId }, _max: { total: true } }),
  ]);
  const bestBy = new Map(best.map((row) => [row.caseId, row._max.total]));
  const ids = new Set([...runs.map((r) => r.caseId), ...bestBy.keys()]);
  return [...ids].map((caseId) => {
    const run = runs.find((r) => r.caseId === caseId);
    return {
      caseId,
      step: run?.step ?? "done",
      completedAt: run?.completedAt ?? null,
      best: bestBy.get(caseId) ?? null,
    };
  });
}

/**
 * When the learner may answer this estimate of a case now (its stage is the current one, not yet revealed): the start
 * of their run, from which their first answer counts; else null.
 */
export async function caseEstimateOpenSince(
  userId: string,
  caseId: string,
  exerciseId: string,
  now: Date,
): Promise<Date | null> {
  const entry = getCase(caseId);
  const run = await getCaseRun(userId, caseId, now);
  if (!entry || !run) return null;
  const stage = CASE_STAGES.find(
    (s) =>
      entry.stages[s].estimates.includes(exerciseId) ||
      entry.stages[s].spotTheProblem.some((item) => item.estimate === exerciseId),
  );
  const step = stage ?? (entry.curveball.estimates.includes(exerciseId) ? "curveball" : null);
  return step !== null && mayWrite(run.state, step, "answer", entry.curveball.after) ? run.startedAt : null;
}

export type CaseResultView = {
  total: number;
  band: string;
  mode: string;
  finishedAt: Date;
  stages: { stage: string; rating: number; share: number; elapsedMs: number; budgetMs: number }[];
};

const resultStagesSchema = z.array(
  z.object({ stage: z.string(), rating: z.number(), share: z.number(), elapsedMs: z.number(), budgetMs: z.number() }),
);

/** The learner's finished runs of a case, newest first (the score card of the latest, and the trend). */
export async function listCaseResults(
  userId: string,
  caseId?: string,
): Promise<(CaseResultView & { caseId: string })[]> {
  const rows = await db().caseResult.findMany({
    where: { userId, ...(caseId ? { caseId } : {}) },
    orderBy: { finishedAt: "desc" },
    take: 50,
  });
  return rows.map((row) => ({
    caseId: row.caseId,
    total: row.total,
    band: row.band,
    mode: row.mode,
    finishedAt: row.finishedAt,
    stages: resultStagesSchema.parse(row.stages),
  }));
}
