import { fsrs } from "ts-fsrs";
import { dayKey } from "./day";
import { fsrsParameters, validWeights } from "./scheduler";
import { DEFAULT_SETTINGS } from "./types";

// Fitting FSRS to one learner: their review log becomes the optimizer's items (fsrs-rs, run elsewhere), and any set of
// weights can be scored on reviews the fit did not see. Pure: no I/O, no clock; the day cut is an argument.

/** Reviews a learner needs before a fit is offered: Anki waits for 400 too, as fewer leave the fit mostly noise. */
export const FIT_MIN_REVIEWS = 400;

/** Of the learner's cards (in the order of their first review), every this-many-th is held back from the fit. */
export const HELD_BACK_EVERY = 5;

/** One review as the optimizer reads it: the rating (1–4) and whole days since the card's previous review. */
export type FitReview = { readonly rating: number; readonly deltaDays: number };

/** One card's reviews in order; the first has `deltaDays` 0, as do same-day learning steps. */
export type FitHistory = { readonly cardId: string; readonly reviews: readonly FitReview[] };

/** A rating as the review log stores it. */
export type TimedRating = { readonly cardId: string; readonly rating: number; readonly reviewedAt: Date };

/** Where the learner's days begin: their IANA zone and the hour their day starts. */
export type FitDayCut = { readonly timeZone: string; readonly dayStartHour: number };

/** The optimizer's input: one item per prefix of a card's history, and how many were left out and why. */
export type FitItems = {
  readonly items: readonly (readonly FitReview[])[];
  /** reviews left out because they, or a review before them on the same card, were malformed */
  readonly malformedReviews: number;
  /** prefixes left out because none of their reviews came a day or more after the one before */
  readonly sameDayItems: number;
};

/** How well a set of weights predicted recall: mean log loss and RMSE over `reviews` scored reviews. */
export type FitScore = { readonly reviews: number; readonly logLoss: number; readonly rmse: number };

const DAY_MS = 86_400_000;

/** Whole calendar days from one YYYY-MM-DD key to a later one (arithmetic on the keys, as daysBetween does). */
function daysFromKey(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Each card's ratings in time order, with whole days between consecutive reviews counted in the learner's days
 * (dayKey): a review at 23:00 and one at 09:00 the next morning are a day apart, two learning steps the same day are 0.
 * Cards come in the order of their first review (ties by card id), which the held-back split relies on.
 * @example reviewHistories([{ cardId: "a", rating: 3, reviewedAt: d1 }, { cardId: "a", rating: 3, reviewedAt: d3 }], cut)
 *   // [{ cardId: "a", reviews: [{ rating: 3, deltaDays: 0 }, { rating: 3, deltaDays: 2 }] }]
 */
export function reviewHistories(ratings: readonly TimedRating[], cut: FitDayCut): FitHistory[] {
  const byCard = new Map<string, TimedRating[]>();
  for (const rating of ratings) {
    const list = byCard.get(rating.cardId);
    if (list) list.push(rating);
    else byCard.set(rating.cardId, [rating]);
  }
  const cards = [...byCard.entries()].map(([cardId, list]) => {
    const sorted = [...list].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    let previous: string | null = null;
    const reviews = sorted.map((review) => {
      const day = Number.isNaN(review.reviewedAt.getTime())
        ? null
        : dayKey(review.reviewedAt, cut.timeZone, cut.dayStartHour);
      // A review without a readable time gets a NaN gap, which cleanHistory treats as malformed.
      const deltaDays = day === null ? Number.NaN : previous === null ? 0 : daysFromKey(previous, day);
      if (day !== null) previous = day;
      return { rating: review.rating, deltaDays };
    });
    return { cardId, first: sorted[0]?.reviewedAt.getTime() ?? 0, reviews };
  });
  cards.sort((a, b) => a.first - b.first || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  return cards.map(({ cardId, reviews }) => ({ cardId, reviews }));
}

function wellFormed(review: FitReview, first: boolean): boolean {
  return (
    Number.isInteger(review.rating) &&
    review.rating >= 1 &&
    review.rating <= 4 &&
    Number.isInteger(review.deltaDays) &&
    review.deltaDays >= 0 &&
    (!first || review.deltaDays === 0)
  );
}

/**
 * The longest well-formed start of a card's reviews: a rating outside 1–4, a gap that is negative, fractional or NaN,
 * or a first review with a gap, ends it, since every later review's memory state depends on the bad one.
 */
export function cleanHistory(reviews: readonly FitReview[]): readonly FitReview[] {
  const bad = reviews.findIndex((review, index) => !wellFormed(review, index === 0));
  return bad === -1 ? reviews : reviews.slice(0, bad);
}

/**
 * The fsrs-rs optimizer's items: for each card, one item per prefix with at least two reviews (the last review is what
 * the item predicts). Left out: malformed reviews (see cleanHistory) and prefixes whose reviews all fell on one day,
 * because fsrs-rs panics on an item with no gap above 0, and a panic in native code aborts the whole process.
 */
export function buildFitItems(histories: readonly FitHistory[]): FitItems {
  const items: FitReview[][] = [];
  let malformedReviews = 0;
  let sameDayItems = 0;
  for (const history of histories) {
    const reviews = cleanHistory(history.reviews);
    malformedReviews += history.reviews.length - reviews.length;
    for (let end = 2; end <= reviews.length; end++) {
      const prefix = reviews.slice(0, end).map(({ rating, deltaDays }) => ({ rating, deltaDays }));
      if (prefix.some((review) => review.deltaDays > 0)) items.push(prefix);
      else sameDayItems++;
    }
  }
  return { items, malformedReviews, sameDayItems };
}

/**
 * Split cards into the ones the fit trains on and the ones held back to score it: every fifth card in the order of
 * its first review. Whole cards are held back (rather than the latest 20 % of reviews) so that a held-back card's
 * memory state is replayed from its first review with the weights being scored, never built partly from reviews the
 * fit trained on, and so the held-back reviews span new cards and old ones alike rather than only the latest weeks.
 */
export function splitHeldBack(histories: readonly FitHistory[]): {
  training: FitHistory[];
  heldBack: FitHistory[];
} {
  const training: FitHistory[] = [];
  const heldBack: FitHistory[] = [];
  histories.forEach((history, index) =>
    (index % HELD_BACK_EVERY === HELD_BACK_EVERY - 1 ? heldBack : training).push(history),
  );
  return { training, heldBack };
}

/** Keeps log loss finite when a set of weights is certain and wrong. */
const EPSILON = 1e-6;

/**
 * Score a set of weights on card histories: replay each card from its first review with ts-fsrs's memory model (these
 * weights, short-term stability on), and for each later review that came a day or more after the previous one compare
 * the predicted retrievability R with what happened (recalled = rating above Again).
 * logLoss = −mean(y·ln R + (1−y)·ln(1−R)); rmse = √mean((y − R)²). Lower is better for both.
 * Same-day learning steps are not scored: the forgetting curve gives R = 1 at a gap of 0 days, so they say nothing of
 * the weights (fsrs-rs leaves them out of its evaluation too). Malformed reviews are cut as in cleanHistory.
 * Invalid weights (not 21 finite numbers) score as the defaults would. Null when no review could be scored.
 * @see open-spaced-repetition/fsrs-rs src/training.rs (log loss), ts-fsrs `FSRSAlgorithm.next_state`
 */
export function evaluateWeights(histories: readonly FitHistory[], weights: readonly number[]): FitScore | null {
  const model = fsrs(fsrsParameters(DEFAULT_SETTINGS.desiredRetention, validWeights(weights) ?? undefined));
  let count = 0;
  let loss = 0;
  let squared = 0;
  for (const history of histories) {
    const reviews = cleanHistory(history.reviews);
    let state: { stability: number; difficulty: number } | null = null;
    for (const review of reviews) {
      if (state && review.deltaDays > 0) {
        const predicted = Math.min(
          1 - EPSILON,
          Math.max(EPSILON, model.forgetting_curve(review.deltaDays, state.stability)),
        );
        const recalled = review.rating > 1 ? 1 : 0;
        loss -= recalled * Math.log(predicted) + (1 - recalled) * Math.log(1 - predicted);
        squared += (recalled - predicted) ** 2;
        count++;
      }
      state = model.next_state(state, review.deltaDays, review.rating);
    }
  }
  if (count === 0) return null;
  return { reviews: count, logLoss: loss / count, rmse: Math.sqrt(squared / count) };
}
