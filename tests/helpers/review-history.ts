import { mulberry32 } from "@/lib/engine/client";
import { newCardState, retrievability, scheduleReview, type CardState, type Rating } from "@/lib/srs";

// A synthetic learner for the fit tests: cards introduced a few a day, each reviewed when due (a little late at
// times), recalled with the probability the scheduler's own memory model gives under known weights, so a fit on the
// log should land near those weights and score them well. Seeded, so every run builds the same history.

/** One simulated rating with the card's state before and after, as the review log stores it. */
export type SimulatedReview = {
  cardId: string;
  rating: Rating;
  reviewedAt: Date;
  before: CardState;
  after: CardState;
};

/** A seeded generator, 0 ≤ x < 1 (the engine's mulberry32). */
export const seededRandom = mulberry32;

export type SimulationOptions = {
  weights?: readonly number[];
  cards: number;
  /** new cards introduced each day */
  perDay: number;
  /** reviews stop at this many days after the start */
  days: number;
  seed: number;
  start: Date;
  cardPrefix?: string;
};

/**
 * Simulate a learner: each card starts on its introduction day, is reviewed at its due time plus up to a day's delay,
 * and is recalled with probability R (its retrievability under `weights`); a recall is Good mostly, sometimes Hard or
 * Easy, a lapse is Again. Returns every rating in time order per card, and each card's final state.
 */
export function simulateReviews(options: SimulationOptions): {
  reviews: SimulatedReview[];
  cards: Map<string, CardState>;
} {
  const random = seededRandom(options.seed);
  const settings = { desiredRetention: 0.9, ...(options.weights ? { weights: options.weights } : {}) };
  const end = options.start.getTime() + options.days * 86_400_000;
  const reviews: SimulatedReview[] = [];
  const cards = new Map<string, CardState>();
  for (let index = 0; index < options.cards; index++) {
    const cardId = `${options.cardPrefix ?? "sim"}-${String(index).padStart(3, "0")}`;
    let at = new Date(options.start.getTime() + Math.floor(index / options.perDay) * 86_400_000 + index * 60_000);
    let card = newCardState(at);
    while (at.getTime() < end) {
      const recallChance = card.state === "new" ? 0.75 : retrievability(card, at, settings);
      const roll = random();
      const rating: Rating = roll >= recallChance ? 1 : random() < 0.15 ? 2 : random() < 0.1 ? 4 : 3;
      const after = scheduleReview(card, rating, at, settings);
      reviews.push({ cardId, rating, reviewedAt: at, before: card, after });
      card = after;
      // Learning steps are done within minutes; a review-day card is seen some hours after it falls due.
      const delay = card.state === "review" ? Math.floor(random() * 20) * 3_600_000 : 60_000;
      at = new Date(Math.max(card.due.getTime(), at.getTime() + 60_000) + delay);
    }
    cards.set(cardId, card);
  }
  return { reviews, cards };
}
