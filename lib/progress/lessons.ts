import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

export const lessonProgressSelect = {
  lessonId: true,
  startedAt: true,
  completedAt: true,
} satisfies Prisma.LessonProgressSelect;

export type LessonProgressRecord = Prisma.LessonProgressGetPayload<{ select: typeof lessonProgressSelect }>;

/** Mark a lesson started for a user (the first time only; later calls change nothing). */
export async function markLessonStarted(userId: string, lessonId: string, now: Date): Promise<LessonProgressRecord> {
  return db().lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    update: {},
    create: { userId, lessonId, startedAt: now },
    select: lessonProgressSelect,
  });
}

/** Mark a lesson complete (keeps the first completion time). */
export async function markLessonCompleted(userId: string, lessonId: string, now: Date): Promise<LessonProgressRecord> {
  const existing = await db().lessonProgress.findUnique({
    where: { userId_lessonId: { userId, lessonId } },
    select: lessonProgressSelect,
  });
  if (existing?.completedAt) return existing;
  return db().lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    update: { completedAt: now },
    create: { userId, lessonId, startedAt: now, completedAt: now },
    select: lessonProgressSelect,
  });
}

/** Every lesson the user has started, oldest first. */
export async function listLessonProgress(userId: string): Promise<LessonProgressRecord[]> {
  return db().lessonProgress.findMany({
    where: { userId },
    orderBy: { startedAt: "asc" },
    select: lessonProgressSelect,
  });
}
