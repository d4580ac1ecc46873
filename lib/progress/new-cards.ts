import "server-only";
import { listCaseEntries, listCards, listCurriculum, listLessons, type CardEntry } from "@/lib/content";
import { countIntroducedToday } from "@/lib/srs";
import { fixedInProduction } from "./course";
import { db } from "./db";
import { STEP_CARD_PREFIX } from "./step-cards";

// New flashcards are introduced a few a day, in course order, the way Anki's daily new-card limit works: adding a
// module of 133 cards must not make 133 cards due today. Missed estimation steps are reviews of a mistake,
// not new material, so they stay outside the limit.

/** Every flashcard in course order: the curriculum order of its lesson, then its order in the lesson's file. */
function cardsInCourseOrder(): CardEntry[] {
  const order = new Map(listCurriculum().map((entry) => [entry.id, entry.order]));
  // Array.prototype.sort is stable, and listCards keeps each file's card order.
  return [...listCards().values()].sort(
    (a, b) => (order.get(a.lessonId) ?? Infinity) - (order.get(b.lessonId) ?? Infinity),
  );
}

/**
 * The flashcards of lessons that exist (as MDX, or as a written case in a case-studies slot), in course order; a
 * "coming soon" lesson's cards never join a deck. The same list for every learner: do not change it.
 */
export const listPublishedCards: () => readonly CardEntry[] = fixedInProduction(() => {
  const published = new Set([
    ...listLessons().map((lesson) => lesson.id),
    ...listCaseEntries().map((entry) => entry.id),
  ]);
  return cardsInCourseOrder().filter((card) => published.has(card.lessonId));
});

/** Each known flashcard's place in the course (curriculum order, then file order); lower comes first. */
export const courseRank: () => ReadonlyMap<string, number> = fixedInProduction(
  () => new Map(cardsInCourseOrder().map((card, index) => [card.id, index])),
);

const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * How many new flashcards the learner has introduced in their current day (time zone and day start hour): cards whose
 * first rating, not undone, falls in today. Read from the review log, so it survives reloads and other devices.
 */
export async function countNewCardsIntroducedToday(
  userId: string,
  now: Date,
  day: { timeZone: string; dayStartHour: number },
): Promise<number> {
  // A learner's day is at most 25 hours long, so two days back holds all of today's ratings; lib/srs cuts the days.
  const since = new Date(now.getTime() - TWO_DAYS_MS);
  const rows = await db().$queryRaw<{ cardId: string; reviewedAt: Date }[]>`
    SELECT r."cardId", r."reviewedAt" FROM "ReviewLog" r
    WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating' AND r."reviewedAt" > ${since}
      AND r.before->>'state' = 'new' AND left(r."cardId", ${STEP_CARD_PREFIX.length}) <> ${STEP_CARD_PREFIX}
      AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")`;
  return countIntroducedToday(rows, now, day.timeZone, day.dayStartHour);
}
