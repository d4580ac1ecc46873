import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

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

/** Mark a lesson complete, starting it too if needed; the first completion time is kept. Atomic under concurrency. */
export async function markLessonCompleted(userId: string, lessonId: string, now: Date): Promise<LessonProgressRecord> {
  const rows = await db().$queryRaw<Row[]>`
    INSERT INTO "LessonProgress" ("userId", "lessonId", "startedAt", "completedAt")
    VALUES (${userId}::uuid, ${lessonId}, ${now}, ${now})
    ON CONFLICT ("userId", "lessonId")
    DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", EXCLUDED."completedAt")
    RETURNING "lessonId", "startedAt", "completedAt"`;
  return firstRow(rows);
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
