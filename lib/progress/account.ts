import "server-only";
import { listCards, listDrills, listExercisesOfLesson, listLessons, type ModuleId } from "@/lib/content";
import { db } from "./db";
import { userSelect } from "./users";

/** Everything Envelope stores about a learner, as plain JSON (never the password hash). */
export async function exportUserData(userId: string) {
  const [user, settings, lessons, attempts, cards, reviews] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: userSelect }),
    db().userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, timeZone: true, dayStartHour: true } }),
    db().lessonProgress.findMany({ where: { userId }, orderBy: { startedAt: "asc" }, omit: { userId: true } }),
    db().attempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db().reviewCard.findMany({ where: { userId }, orderBy: { cardId: "asc" }, omit: { userId: true } }),
    db().reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" }, omit: { userId: true } }),
  ]);
  return { exportedAt: new Date().toISOString(), user, settings, lessons, attempts, cards, reviews };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The review log as CSV, one row per rating or undo, oldest first. */
export async function reviewLogCsv(userId: string): Promise<string> {
  const rows = await db().reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" } });
  const header = ["reviewed_at", "card_id", "kind", "rating", "verdict", "duration_ms", "undoes", "state_before", "due_before", "state_after", "due_after", "client_id"];
  const lines = rows.map((row) => {
    const before = typeof row.before === "object" && row.before !== null && !Array.isArray(row.before) ? row.before : {};
    const after = typeof row.after === "object" && row.after !== null && !Array.isArray(row.after) ? row.after : {};
    return [row.reviewedAt, row.cardId, row.kind, row.rating, row.verdict, row.durationMs, row.undoes, before.state, before.due, after.state, after.due, row.clientId]
      .map(csvCell)
      .join(",");
  });
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

/**
 * Forget a learner's progress in one module: its lessons' completion, the attempts at its exercises and drills, and its
 * cards (flashcards and missed steps) with their review history. Nothing outside the module is touched.
 */
export async function resetModuleProgress(userId: string, module: ModuleId): Promise<{ lessons: number; attempts: number; cards: number }> {
  const lessons = listLessons().filter((lesson) => lesson.module === module);
  const lessonIds = lessons.map((l) => l.id);
  const exerciseIds = [
    ...lessons.flatMap((lesson) => listExercisesOfLesson(lesson).map((entry) => entry.spec.id)),
    ...listDrills().filter((drill) => lessonIds.includes(drill.lesson)).map((drill) => drill.id),
  ];
  const cardIds = [...listCards().values()].filter((card) => card.module === module).map((card) => card.id);
  const stepPrefixes = exerciseIds.map((id) => `step:${id}:`);
  return db().$transaction(async (tx) => {
    const stepCards = await tx.reviewCard.findMany({
      where: { userId, OR: stepPrefixes.length ? stepPrefixes.map((prefix) => ({ cardId: { startsWith: prefix } })) : [{ cardId: "" }] },
      select: { cardId: true },
    });
    const allCards = [...cardIds, ...stepCards.map((c) => c.cardId)];
    const removedLessons = await tx.lessonProgress.deleteMany({ where: { userId, lessonId: { in: lessonIds } } });
    const removedAttempts = await tx.attempt.deleteMany({ where: { userId, exerciseId: { in: exerciseIds } } });
    await tx.reviewLog.deleteMany({ where: { userId, cardId: { in: allCards } } });
    const removedCards = await tx.reviewCard.deleteMany({ where: { userId, cardId: { in: allCards } } });
    return { lessons: removedLessons.count, attempts: removedAttempts.count, cards: removedCards.count };
  });
}


