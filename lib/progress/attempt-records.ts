import "server-only";
import { z } from "zod";
import {
  buildExercise,
  gradeExercise,
  gradeOpenExercise,
  toPrompt,
  type BuiltExercise,
  type ExerciseGrade,
  type ExercisePrompt,
  type Verdict,
} from "@/lib/engine";
import { getExercise } from "@/lib/content";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { MAX_ANSWER_LENGTH, type AttemptSource } from "./limits";

// Reading stored attempts back: one attempt by client id, the first of a variant, the latest with its grade, the
// last few for a drill's history; and grading a stored or submitted set of answers the same way.

export type AttemptRecord = {
  clientId: string;
  exerciseId: string;
  source: string;
  seed: number;
  answers: Record<string, string>;
  /** The scratchpad's lines, and whether the exercise was played open; null when no scratchpad was used. */
  work: AttemptWork | null;
  score: number;
  correct: boolean;
  elapsedMs: number;
  createdAt: Date;
};

export const attemptSelect = {
  clientId: true,
  exerciseId: true,
  source: true,
  seed: true,
  answers: true,
  work: true,
  score: true,
  correct: true,
  elapsedMs: true,
  createdAt: true,
} satisfies Prisma.AttemptSelect;

export type AttemptRow = Prisma.AttemptGetPayload<{ select: typeof attemptSelect }>;

const answersSchema = z.record(z.string(), z.string());

/** The scratchpad of an attempt: its lines as typed, and whether the steps were hidden (played open). */
export type AttemptWork = { open: boolean; lines: string[] };

const workSchema = z.object({ open: z.boolean(), lines: z.array(z.string()) }).nullable();

export function toRecord(row: AttemptRow): AttemptRecord {
  return { ...row, answers: answersSchema.parse(row.answers), work: workSchema.parse(row.work ?? null) };
}

/** Grades a submission as it was played: open (the final answer and the scratchpad's chain) or step by step. */
export function gradeSubmission(
  built: BuiltExercise,
  answers: Record<string, string>,
  work: AttemptWork | null,
): ExerciseGrade {
  if (!work?.open) return gradeWithinLength(built, answers);
  const last = built.steps.at(-1);
  const final = last === undefined ? "" : (answers[last.id] ?? "");
  const grade = gradeOpenExercise(built, final.length > MAX_ANSWER_LENGTH ? "" : final, work.lines);
  if (final.length <= MAX_ANSWER_LENGTH) return grade;
  return {
    ...grade,
    steps: grade.steps.map((step) => ({
      ...step,
      message: `The answer is ${final.length} characters long; an answer is at most ${MAX_ANSWER_LENGTH}, so it was not read.`,
    })),
  };
}

/**
 * Grades the answers, except that an answer over MAX_ANSWER_LENGTH characters is not read: its step is
 * `unreadable` with a message naming the step and the limit, and the other steps are graded as usual.
 */
export function gradeWithinLength(built: BuiltExercise, answers: Record<string, string>): ExerciseGrade {
  const tooLong = new Set(
    built.steps.filter((step) => (answers[step.id] ?? "").length > MAX_ANSWER_LENGTH).map((step) => step.id),
  );
  if (tooLong.size === 0) return gradeExercise(built, answers);
  const readable = Object.fromEntries(Object.entries(answers).map(([id, text]) => [id, tooLong.has(id) ? "" : text]));
  const grade = gradeExercise(built, readable);
  const steps = grade.steps.map((step, index) =>
    tooLong.has(step.id)
      ? {
          ...step,
          message: `The answer to step ${index + 1} is ${(answers[step.id] ?? "").length} characters long; an answer is at most ${MAX_ANSWER_LENGTH}, so it was not read. The other steps were graded.`,
        }
      : step,
  );
  return { ...grade, steps };
}

/** The learner's first stored attempt at this variant (exercise and seed), or null. */
export async function findFirstOfVariant(
  userId: string,
  exerciseId: string,
  seed: number,
  since?: Date,
): Promise<AttemptRecord | null> {
  const row = await db().attempt.findFirst({
    where: { userId, exerciseId, seed, ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: { createdAt: "asc" },
    select: attemptSelect,
  });
  return row ? toRecord(row) : null;
}

export async function findAttempt(userId: string, clientId: string): Promise<AttemptRecord | null> {
  const row = await db().attempt.findUnique({
    where: { userId_clientId: { userId, clientId } },
    select: attemptSelect,
  });
  return row ? toRecord(row) : null;
}

export function isAtLeastClose(verdict: Verdict | string): boolean {
  return verdict === "exact" || verdict === "close";
}

/** The learner's latest attempt at an exercise, regraded for display (worked solution included), or null. */
export async function getLatestAttempt(
  userId: string,
  exerciseId: string,
  source?: AttemptSource,
): Promise<{ attempt: AttemptRecord; grade: ExerciseGrade; prompt: ExercisePrompt } | null> {
  const row = await db().attempt.findFirst({
    where: { userId, exerciseId, ...(source ? { source } : {}) },
    orderBy: { createdAt: "desc" },
    select: attemptSelect,
  });
  if (!row) return null;
  const exercise = getExercise(exerciseId);
  if (!exercise) return null;
  const attempt = toRecord(row);
  const built = buildExercise(exercise.spec, attempt.seed);
  return {
    attempt,
    grade: gradeSubmission(built, attempt.answers, attempt.work),
    prompt: toPrompt(built, { open: attempt.work?.open ?? false }),
  };
}

export type AttemptSummary = {
  clientId: string;
  seed: number;
  score: number;
  correct: boolean;
  elapsedMs: number;
  createdAt: Date;
};

/** The learner's last `limit` attempts at an exercise, newest first (scores only). */
export async function listRecentAttempts(userId: string, exerciseId: string, limit = 10): Promise<AttemptSummary[]> {
  return db().attempt.findMany({
    where: { userId, exerciseId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { clientId: true, seed: true, score: true, correct: true, elapsedMs: true, createdAt: true },
  });
}
