import { describe, expect, test } from "vitest";
import {
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  newCardState,
  retrievability,
  scheduleReview,
  simulateWorkload,
  type CardState,
  type WorkloadInput,
} from "@/lib/srs";

const DAY = 86_400_000;
const start = new Date("2026-06-01T08:00:00Z");

/** A card first seen `daysAgo` days before `start` and rated Good each time it came due since: a card in review. */
function learnedCard(daysAgo: number): CardState {
  const first = new Date(start.getTime() - daysAgo * DAY);
  let card = scheduleReview(newCardState(first), 3, first, DEFAULT_SETTINGS);
  while (card.due.getTime() < start.getTime()) card = scheduleReview(card, 3, card.due, DEFAULT_SETTINGS);
  return card;
}

/** A deck of 120 cards learned over the last four months, due on many different days ahead. */
const deck: CardState[] = Array.from({ length: 120 }, (_, i) => learnedCard(2 + i));

function input(overrides: Partial<WorkloadInput> = {}): WorkloadInput {
  return {
    cards: deck,
    newCards: 60,
    newCardsPerDay: 10,
    settings: DEFAULT_SETTINGS,
    start,
    days: 90,
    secondsPerReview: 8,
    seed: 42,
    ...overrides,
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe("simulateWorkload: what a desired retention costs", () => {
  test("the same seed gives the same days; another seed other draws", () => {
    const once = simulateWorkload(input());
    expect(simulateWorkload(input())).toEqual(once);
    expect(simulateWorkload(input({ seed: 7 })).days.map((day) => day.reviews)).not.toEqual(
      once.days.map((day) => day.reviews),
    );
  });

  test("the deck passed in is not changed", () => {
    const before = structuredClone(deck);
    simulateWorkload(input());
    expect(deck).toEqual(before);
  });

  test.each([
    { label: "0.80 → 0.90", lower: 0.8, higher: 0.9 },
    { label: "0.90 → 0.95", lower: 0.9, higher: 0.95 },
    { label: "0.95 → 0.97", lower: 0.95, higher: 0.97 },
  ])("higher retention costs more reviews a day on the same deck: $label", ({ lower, higher }) => {
    const at = (desiredRetention: number) =>
      simulateWorkload(input({ settings: { ...DEFAULT_SETTINGS, desiredRetention }, days: 180 }));
    const low = at(lower);
    const high = at(higher);
    expect(high.horizon.reviewsPerDay).toBeGreaterThan(low.horizon.reviewsPerDay);
    expect(high.horizon.minutesPerDay).toBeGreaterThan(low.horizon.minutesPerDay);
    expect(high.desiredRetention).toBe(higher);
  });

  test("fitted weights reach the scheduler: memories that start ten times as stable need fewer reviews", () => {
    // w[0..3] are the initial stabilities (days) after a first Again, Hard, Good or Easy.
    const stable = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 10 : w));
    const fresh = { cards: [], newCards: 200, newCardsPerDay: 20, days: 60 };
    const withDefaults = simulateWorkload(input(fresh));
    const withFitted = simulateWorkload(input({ ...fresh, settings: { ...DEFAULT_SETTINGS, weights: stable } }));
    expect(withFitted.horizon.reviewsPerDay).toBeLessThan(withDefaults.horizon.reviewsPerDay);
    // The same new cards come either way: only the reviews they bring differ.
    expect(withFitted.horizon.newCardsPerDay).toBe(withDefaults.horizon.newCardsPerDay);
  });

  test.each([
    { label: "one day", days: 1 },
    { label: "six months", days: 180 },
  ])("an empty deck with no new cards costs nothing: $label", ({ days }) => {
    const workload = simulateWorkload(input({ cards: [], newCards: 0, days }));
    expect(workload.days).toHaveLength(days);
    expect(workload.days.every((day) => day.reviews === 0 && day.newCards === 0 && day.minutes === 0)).toBe(true);
    expect(workload.first30).toEqual({ reviewsPerDay: 0, newCardsPerDay: 0, minutesPerDay: 0 });
    expect(workload.horizon).toEqual({ reviewsPerDay: 0, newCardsPerDay: 0, minutesPerDay: 0 });
  });

  test.each([
    { label: "none allowed", newCards: 50, perDay: 0, days: 30 },
    { label: "a last short day", newCards: 45, perDay: 20, days: 30 },
    { label: "exactly one day's worth", newCards: 7, perDay: 7, days: 30 },
    { label: "more waiting than the horizon holds", newCards: 500, perDay: 20, days: 10 },
    { label: "nothing waiting", newCards: 0, perDay: 20, days: 30 },
  ])("new cards a day bound the introductions: $label", ({ newCards, perDay, days }) => {
    const workload = simulateWorkload(input({ cards: [], newCards, newCardsPerDay: perDay, days }));
    const introduced = workload.days.map((day) => day.newCards);
    // Each day takes what is left, up to the allowance, until none are waiting.
    let waiting = newCards;
    const expected = introduced.map(() => {
      const today = Math.min(perDay, waiting);
      waiting -= today;
      return today;
    });
    expect(introduced).toEqual(expected);
    expect(Math.max(...introduced)).toBeLessThanOrEqual(perDay);
    expect(sum(introduced)).toBe(Math.min(newCards, perDay * days));
    // A new card is seen at least once the day it is introduced (first sight, then its learning steps).
    for (const day of workload.days) expect(day.reviews).toBeGreaterThanOrEqual(day.newCards);
  });

  test.each([
    { label: "no time at all", seconds: 0 },
    { label: "a default flashcard", seconds: 8 },
    { label: "a slow learner, fractional", seconds: 12.5 },
  ])("minutes = reviews × seconds / 60: $label", ({ seconds }) => {
    const workload = simulateWorkload(input({ secondsPerReview: seconds }));
    expect(sum(workload.days.map((day) => day.reviews))).toBeGreaterThan(0);
    for (const day of workload.days) expect(day.minutes).toBeCloseTo((day.reviews * seconds) / 60, 9);
    expect(workload.horizon.minutesPerDay).toBeCloseTo((workload.horizon.reviewsPerDay * seconds) / 60, 9);
  });

  test.each([
    { label: "a horizon longer than 30 days", days: 90, first: 30 },
    { label: "a horizon shorter than 30 days", days: 12, first: 12 },
  ])("the averages are over the first 30 days and the whole horizon: $label", ({ days, first }) => {
    const workload = simulateWorkload(input({ days }));
    const reviews = workload.days.map((day) => day.reviews);
    expect(workload.first30.reviewsPerDay).toBeCloseTo(sum(reviews.slice(0, first)) / first, 9);
    expect(workload.horizon.reviewsPerDay).toBeCloseTo(sum(reviews) / days, 9);
    expect(workload.horizon.newCardsPerDay).toBeCloseTo(sum(workload.days.map((day) => day.newCards)) / days, 9);
  });

  test("a forgotten card takes its relearning step the same day, and both count", () => {
    // Cards that graduated a year ago on a short interval: all due at once, and many of them forgotten.
    const longAgo = new Date(start.getTime() - 365 * DAY);
    const stale = Array.from({ length: 100 }, () => {
      const seen = scheduleReview(newCardState(longAgo), 3, longAgo, DEFAULT_SETTINGS);
      return scheduleReview(seen, 3, seen.due, DEFAULT_SETTINGS);
    });
    expect(stale.every((card) => card.state === "review")).toBe(true);
    const recall = retrievability(stale[0] ?? newCardState(start), start, DEFAULT_SETTINGS);
    expect(recall).toBeLessThan(0.7);
    const [first] = simulateWorkload(input({ cards: stale, newCards: 0, days: 3 })).days;
    // Each card once (Again or Good), plus a relearning step for each one forgotten: between 100 and 200, and some
    // forgotten, since the chance of none is below 0.7^100.
    expect(first?.reviews).toBeGreaterThan(100);
    expect(first?.reviews).toBeLessThanOrEqual(200);
  });

  test.each([
    { label: "no days", overrides: { days: 0 }, message: /days must be a whole number of at least 1/ },
    { label: "half a day", overrides: { days: 1.5 }, message: /days must be a whole number/ },
    { label: "negative new cards", overrides: { newCards: -1 }, message: /newCards must be/ },
    { label: "negative allowance", overrides: { newCardsPerDay: -5 }, message: /newCardsPerDay must be/ },
    { label: "negative seconds", overrides: { secondsPerReview: -1 }, message: /secondsPerReview must be/ },
    { label: "an invalid start", overrides: { start: new Date(Number.NaN) }, message: /start must be a valid date/ },
  ])("a caller's mistake is a RangeError that says what was wrong: $label", ({ overrides, message }) => {
    expect(() => simulateWorkload(input(overrides))).toThrow(message);
  });
});
