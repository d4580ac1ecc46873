import { dayKey } from "./day";

/** How today's new flashcards stand: the learner's limit, those already introduced, those left, those waiting. */
export type NewCardAllowance = {
  /** the learner's daily limit */
  readonly perDay: number;
  /** new cards rated for the first time today */
  readonly introducedToday: number;
  /** how many of the new cards in the deck today may still introduce */
  readonly leftToday: number;
  /** new cards in the deck beyond today's allowance, for later days */
  readonly waiting: number;
};

/** A first rating of a new flashcard: which card, and when. */
export type FirstRating = { readonly cardId: string; readonly reviewedAt: Date };

/**
 * How many new flashcards were introduced in the learner's current day: distinct cards whose first rating falls on the
 * same learner day (time zone and day start hour, cut by `dayKey`) as `now`.
 * @see Anki's daily new-card limit (Deck options › Daily limits), which counts the same way.
 * @example countIntroducedToday([{ cardId: "a", reviewedAt: new Date("2026-04-01T03:00:00Z") }], new Date("2026-04-01T10:00:00Z"), "UTC", 4) // 0
 */
export function countIntroducedToday(
  ratings: readonly FirstRating[],
  now: Date,
  timeZone: string,
  dayStartHour: number,
): number {
  const today = dayKey(now, timeZone, dayStartHour);
  return new Set(
    ratings
      .filter((rating) => dayKey(rating.reviewedAt, timeZone, dayStartHour) === today)
      .map((rating) => rating.cardId),
  ).size;
}

/**
 * Split the new flashcards in a deck into those today may still introduce and those that wait:
 * leftToday = min(max(0, perDay − introducedToday), newInDeck); waiting = newInDeck − leftToday.
 * @example newCardAllowance(20, 8, 133) // { perDay: 20, introducedToday: 8, leftToday: 12, waiting: 121 }
 */
export function newCardAllowance(perDay: number, introducedToday: number, newInDeck: number): NewCardAllowance {
  const leftToday = Math.min(Math.max(0, perDay - introducedToday), newInDeck);
  return { perDay, introducedToday, leftToday, waiting: newInDeck - leftToday };
}
