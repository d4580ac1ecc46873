import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLesson } from "@/lib/content";
import { db, type Tx } from "./db";
import { addLessonCards } from "./deck";
import { refuse, type Refusal } from "./outcome";

export const lessonProgressSelect = {
  lessonId: true,
  startedAt: true,
  completedAt: true,
} satisfies Prisma.LessonProgressSelect;

export type LessonProgressRecord = Prisma.LessonProgressGetPayload<{ select: typeof lessonProgressSelect }>;

type Row = { lessonId: string; startedAt: Date; completedAt: Date | null };

/** Mark a lesson started for a user (the first time only; later and concurrent calls change nothing). */
export async function markLessonStarted(userId: string, lessonId: string, now: Date): Promise<LessonProgressRecord> {
  const rows = await db().$queryRaw<Row[]>`
    INSERT INTO "LessonProgress" ("userId", "lessonId", "startedAt")
    VALUES (${userId}::uuid, ${lessonId}, ${now})
    ON CONFLICT ("userId", "lessonId") DO UPDATE SET "lessonId" = EXCLUDED."lessonId"
    RETURNING "lessonId", "startedAt", "completedAt"`;
  return firstRow(rows);
}

/**
 * Mark a lesson complete, starting it too if needed; the first completion time is kept. Atomic under concurrency.
 * Completing a lesson adds its flashcards to the learner's deck (they are introduced a few a day), in the same
 * transaction: `tx` when the completion comes with another write (an attempt), else one of its own.
 */
export async function markLessonCompleted(
  userId: string,
  lessonId: string,
  now: Date,
  tx?: Tx,
): Promise<LessonProgressRecord> {
  const done = tx
    ? await completeLesson(tx, userId, lessonId, now)
    : await db().$transaction((own) => completeLesson(own, userId, lessonId, now));
  return done.progress;
}

async function completeLesson(
  tx: Tx,
  userId: string,
  lessonId: string,
  now: Date,
): Promise<{ progress: LessonProgressRecord; cardsAdded: number }> {
  const rows = await tx.$queryRaw<Row[]>`
    INSERT INTO "LessonProgress" ("userId", "lessonId", "startedAt", "completedAt")
    VALUES (${userId}::uuid, ${lessonId}, ${now}, ${now})
    ON CONFLICT ("userId", "lessonId")
    DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt")
    RETURNING "lessonId", "startedAt", "completedAt"`;
  const progress = firstRow(rows);
  return { progress, cardsAdded: await addLessonCards(userId, lessonId, now, tx) };
}

export type LessonEvent = "started" | "completed";

export type LessonEventOutcome = { ok: true; progress: LessonProgressRecord; cardsAdded: number } | Refusal;

/**
 * The learner opened (`started`) or reached the end of (`completed`) a lesson. Opening a lesson only records it; its
 * cards join the deck when it is completed. Idempotent.
 */
export async function recordLessonEvent(
  userId: string,
  lessonId: string,
  event: LessonEvent,
  now: Date,
): Promise<LessonEventOutcome> {
  if (!getLesson(lessonId)) return refuse("invalid", `There is no lesson "${lessonId}".`);
  if (event === "completed")
    return { ok: true, ...(await db().$transaction((tx) => completeLesson(tx, userId, lessonId, now))) };
  return { ok: true, progress: await markLessonStarted(userId, lessonId, now), cardsAdded: 0 };
}

function firstRow(rows: Row[]): LessonProgressRecord {
  const row = rows[0];
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
}

/** Every lesson the user has started, oldest first. */
export async function listLessonProgress(userId: string): Promise<LessonProgressRecord[]> {
  return db().lessonProgress.findMany({
    where: { userId },
    orderBy: { startedAt: "asc" },
    select: lessonProgressSelect,
  });
}
