import { describe, expect, test } from "vitest";
import {
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  FIT_MIN_REVIEWS,
  buildFitItems,
  evaluateWeights,
  newCardState,
  previewRatings,
  reviewHistories,
  scheduleReview,
  splitHeldBack,
  validWeights,
  type FitHistory,
  type FitReview,
} from "@/lib/srs";
import { simulateReviews } from "../helpers/review-history";

const r = (rating: number, deltaDays: number): FitReview => ({ rating, deltaDays });
const history = (cardId: string, reviews: FitReview[]): FitHistory => ({ cardId, reviews });

/** The defaults with the four initial stabilities (w0–w3) multiplied: a memory model that is clearly wrong. */
const scaledInitial = (factor: number) => DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * factor : w));

describe("reviewHistories", () => {
  test("gaps are whole days in the learner's day cut, and cards come in the order of their first review", () => {
    const cut = { timeZone: "America/New_York", dayStartHour: 4 };
    const histories = reviewHistories(
      [
        // Card b: first seen 2026-03-06 22:00 local, then 03:30 local (still the 6th before 4 am), then on the 8th.
        { cardId: "b", rating: 3, reviewedAt: new Date("2026-03-07T03:00:00Z") },
        { cardId: "b", rating: 1, reviewedAt: new Date("2026-03-09T03:00:00Z") },
        { cardId: "b", rating: 3, reviewedAt: new Date("2026-03-07T08:30:00Z") },
        // Card a: first seen later than b, so it comes second whatever its id.
        { cardId: "a", rating: 4, reviewedAt: new Date("2026-03-07T15:00:00Z") },
        // Over the night the clocks go forward (2026-03-08): still one day.
        { cardId: "a", rating: 3, reviewedAt: new Date("2026-03-08T15:00:00Z") },
      ],
      cut,
    );
    expect(histories).toEqual([
      // 2026-03-09T03:00Z is 23:00 EDT on the 8th: two days after the 6th.
      history("b", [r(3, 0), r(3, 0), r(1, 2)]),
      history("a", [r(4, 0), r(3, 1)]),
    ]);
  });

  test("a review without a readable time becomes a malformed gap", () => {
    const [card] = reviewHistories(
      [
        { cardId: "c", rating: 3, reviewedAt: new Date("2026-01-01T10:00:00Z") },
        { cardId: "c", rating: 3, reviewedAt: new Date("not a date") },
      ],
      { timeZone: "UTC", dayStartHour: 4 },
    );
    expect(card?.reviews.some((review) => Number.isNaN(review.deltaDays))).toBe(true);
    expect(buildFitItems(card ? [card] : []).malformedReviews).toBeGreaterThan(0);
  });
});

describe("buildFitItems", () => {
  test.each([
    { label: "a single review: nothing to predict", reviews: [r(3, 0)], items: 0, malformed: 0, sameDay: 0 },
    { label: "two reviews on one day (would panic)", reviews: [r(3, 0), r(3, 0)], items: 0, malformed: 0, sameDay: 1 },
    {
      label: "learning steps, then a day later",
      reviews: [r(1, 0), r(3, 0), r(3, 1)],
      items: 1,
      malformed: 0,
      sameDay: 1,
    },
    { label: "three well-spaced reviews", reviews: [r(3, 0), r(3, 2), r(1, 5)], items: 2, malformed: 0, sameDay: 0 },
    {
      label: "rating 0 ends the history",
      reviews: [r(3, 0), r(3, 2), r(0, 3), r(3, 4)],
      items: 1,
      malformed: 2,
      sameDay: 0,
    },
    { label: "rating 5", reviews: [r(3, 0), r(5, 2)], items: 0, malformed: 1, sameDay: 0 },
    { label: "fractional rating", reviews: [r(3, 0), r(2.5, 2)], items: 0, malformed: 1, sameDay: 0 },
    { label: "negative gap", reviews: [r(3, 0), r(3, 2), r(3, -1)], items: 1, malformed: 1, sameDay: 0 },
    { label: "NaN gap", reviews: [r(3, 0), r(3, Number.NaN)], items: 0, malformed: 1, sameDay: 0 },
    { label: "fractional gap", reviews: [r(3, 0), r(3, 1.5)], items: 0, malformed: 1, sameDay: 0 },
    { label: "infinite gap", reviews: [r(3, 0), r(3, Number.POSITIVE_INFINITY)], items: 0, malformed: 1, sameDay: 0 },
    { label: "a first review with a gap", reviews: [r(3, 2), r(3, 1)], items: 0, malformed: 2, sameDay: 0 },
    { label: "no reviews", reviews: [], items: 0, malformed: 0, sameDay: 0 },
  ])("$label → $items items", ({ reviews, items, malformed, sameDay }) => {
    const built = buildFitItems([history("x", reviews)]);
    expect(built.items).toHaveLength(items);
    expect(built.malformedReviews).toBe(malformed);
    expect(built.sameDayItems).toBe(sameDay);
  });

  test("one item per prefix of two or more reviews, each ending on the review it predicts", () => {
    const built = buildFitItems([history("x", [r(3, 0), r(1, 2), r(3, 1)])]);
    expect(built.items).toEqual([
      [r(3, 0), r(1, 2)],
      [r(3, 0), r(1, 2), r(3, 1)],
    ]);
  });

  test("on a simulated history every item is safe for the optimizer: a gap above 0, first gap 0, ratings 1–4", () => {
    const { reviews } = simulateReviews({
      cards: 40,
      perDay: 5,
      days: 90,
      seed: 11,
      start: new Date("2026-01-05T09:00:00Z"),
    });
    const built = buildFitItems(reviewHistories(reviews, { timeZone: "UTC", dayStartHour: 4 }));
    expect(built.items.length).toBeGreaterThan(100);
    expect(built.malformedReviews).toBe(0);
    for (const item of built.items) {
      expect(item.length).toBeGreaterThanOrEqual(2);
      expect(item[0]?.deltaDays).toBe(0);
      expect(item.some((review) => review.deltaDays > 0)).toBe(true);
      expect(item.every((review) => [1, 2, 3, 4].includes(review.rating) && review.deltaDays >= 0)).toBe(true);
    }
  });
});

describe("splitHeldBack", () => {
  test.each([
    { label: "no cards", cards: 0, heldBack: [] },
    { label: "four cards: none held back", cards: 4, heldBack: [] },
    { label: "five cards: the fifth", cards: 5, heldBack: ["c4"] },
    { label: "twelve cards: the fifth and the tenth", cards: 12, heldBack: ["c4", "c9"] },
  ])("$label", ({ cards, heldBack }) => {
    const histories = Array.from({ length: cards }, (_, i) => history(`c${i}`, [r(3, 0), r(3, 1)]));
    const split = splitHeldBack(histories);
    expect(split.heldBack.map((h) => h.cardId)).toEqual(heldBack);
    expect(split.training).toHaveLength(cards - heldBack.length);
    expect(new Set([...split.training, ...split.heldBack].map((h) => h.cardId)).size).toBe(cards);
  });
});

describe("evaluateWeights", () => {
  const { reviews } = simulateReviews({
    cards: 120,
    perDay: 6,
    days: 150,
    seed: 7,
    start: new Date("2026-01-05T09:00:00Z"),
  });
  const histories = reviewHistories(reviews, { timeZone: "UTC", dayStartHour: 4 });

  test("the simulated history is as large as a fit needs", () => {
    expect(reviews.length).toBeGreaterThan(FIT_MIN_REVIEWS);
  });

  test.each([
    { label: "initial stabilities 20× too small", wrong: scaledInitial(0.05) },
    { label: "initial stabilities 20× too large", wrong: scaledInitial(20) },
  ])("the weights that generated the reviews beat $label", ({ wrong }) => {
    const truth = evaluateWeights(histories, DEFAULT_WEIGHTS);
    const bad = evaluateWeights(histories, wrong);
    expect(truth).not.toBeNull();
    expect(bad).not.toBeNull();
    if (!truth || !bad) return;
    expect(truth.reviews).toBe(bad.reviews);
    expect(truth.logLoss).toBeLessThan(bad.logLoss);
    expect(truth.rmse).toBeLessThan(bad.rmse);
    // Calibrated predictions on recall near 90 % give a log loss near the entropy of the outcome, well under ln 2.
    expect(truth.logLoss).toBeLessThan(Math.log(2));
  });

  test("same-day steps are not scored; a lone first review scores nothing", () => {
    expect(evaluateWeights([history("x", [r(3, 0), r(3, 0)]), history("y", [r(3, 0)])], DEFAULT_WEIGHTS)).toBeNull();
    expect(evaluateWeights([history("x", [r(3, 0), r(3, 0), r(3, 2)])], DEFAULT_WEIGHTS)?.reviews).toBe(1);
  });

  test("a recall predicted well costs less than a lapse predicted as a recall", () => {
    const recalled = evaluateWeights([history("x", [r(3, 0), r(3, 1)])], DEFAULT_WEIGHTS);
    const lapsed = evaluateWeights([history("x", [r(3, 0), r(1, 1)])], DEFAULT_WEIGHTS);
    expect(recalled && lapsed && recalled.logLoss < lapsed.logLoss).toBe(true);
    expect(recalled && lapsed && recalled.rmse < lapsed.rmse).toBe(true);
  });

  test("invalid weights score as the defaults", () => {
    expect(evaluateWeights(histories, [1, 2, 3])).toEqual(evaluateWeights(histories, DEFAULT_WEIGHTS));
  });
});

describe("scheduling with fitted weights", () => {
  const start = new Date("2026-01-05T09:00:00Z");
  const reviewed = (weights?: readonly number[]) => {
    const settings = { ...DEFAULT_SETTINGS, ...(weights ? { weights } : {}) };
    const learnt = scheduleReview(scheduleReview(newCardState(start), 3, start, settings), 3, start, settings);
    return previewRatings(learnt, learnt.due, settings)[3].getTime();
  };

  test("other weights give another interval", () => {
    expect(reviewed(scaledInitial(3))).not.toBe(reviewed());
  });

  test.each([
    { label: "20 numbers", weights: DEFAULT_WEIGHTS.slice(0, 20) },
    { label: "22 numbers", weights: [...DEFAULT_WEIGHTS, 1] },
    { label: "a NaN", weights: DEFAULT_WEIGHTS.map((w, i) => (i === 5 ? Number.NaN : w)) },
    { label: "an infinity", weights: DEFAULT_WEIGHTS.map((w, i) => (i === 0 ? Number.POSITIVE_INFINITY : w)) },
    { label: "empty", weights: [] },
  ])("weights with $label are ignored: the defaults schedule", ({ weights }) => {
    expect(validWeights(weights)).toBeNull();
    expect(reviewed(weights)).toBe(reviewed());
  });

  test("a full set of 21 finite numbers is valid", () => {
    expect(validWeights(scaledInitial(2))).toHaveLength(21);
  });
});
