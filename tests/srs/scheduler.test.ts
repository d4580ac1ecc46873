import { describe, expect, test } from "vitest";
import {
  DEFAULT_SETTINGS,
  clampRetention,
  formatInterval,
  newCardState,
  previewRatings,
  ratingForVerdict,
  scheduleReview,
  type CardState,
  type Rating,
} from "@/lib/srs";

const start = new Date("2026-01-05T09:00:00Z");

/** Rate a new card through `ratings`, each at the moment the previous one fell due; return the intervals. */
function history(ratings: Rating[], settings = DEFAULT_SETTINGS) {
  let now = start;
  let card: CardState = newCardState(now);
  const steps: { interval: string; state: string }[] = [];
  for (const rating of ratings) {
    card = scheduleReview(card, rating, now, settings);
    steps.push({ interval: formatInterval(now, card.due), state: card.state });
    now = card.due;
  }
  return { steps, card };
}

describe("scheduleReview golden sequences", () => {
  test("Good, Good, Good, Again, Good, Good, Easy, Hard", () => {
    // Pinned from ts-fsrs 5.4.2 with its default FSRS-6 weights, retention 0.9, learning steps 1m/10m,
    // relearning 10m, no fuzz. A change here means the scheduler or its settings changed.
    const { steps, card } = history([3, 3, 3, 1, 3, 3, 4, 2]);
    expect(steps).toEqual([
      { interval: "10m", state: "learning" },
      { interval: "2d", state: "review" },
      { interval: "11d", state: "review" },
      { interval: "10m", state: "relearning" },
      { interval: "2d", state: "review" },
      { interval: "5d", state: "review" },
      { interval: "19d", state: "review" },
      { interval: "1mo", state: "review" },
    ]);
    expect(card.stability).toBeCloseTo(36.0027, 4);
    expect(card.difficulty).toBeCloseTo(7.6423, 4);
    expect(card.reps).toBe(8);
    expect(card.lapses).toBe(1);
  });

  test("the learning steps of a new card are under a day", () => {
    const card = newCardState(start);
    const preview = previewRatings(card, start, DEFAULT_SETTINGS);
    expect([1, 2, 3].map((r) => formatInterval(start, preview[r as Rating]))).toEqual(["1m", "6m", "10m"]);
  });

  test("a higher desired retention gives shorter intervals", () => {
    const low = history([3, 3, 3], { desiredRetention: 0.8 }).card.due.getTime();
    const high = history([3, 3, 3], { desiredRetention: 0.97 }).card.due.getTime();
    expect(high).toBeLessThan(low);
  });

  test("scheduling is pure: the card passed in is not changed", () => {
    const card = newCardState(start);
    const copy = structuredClone(card);
    scheduleReview(card, 3, start, DEFAULT_SETTINGS);
    expect(card).toEqual(copy);
  });
});

describe("clampRetention", () => {
  test.each([
    { label: "below the range", value: 0.5, expected: 0.8 },
    { label: "inside", value: 0.9, expected: 0.9 },
    { label: "above the range", value: 0.99, expected: 0.97 },
    { label: "not a number", value: Number.NaN, expected: 0.9 },
  ])("$label → $expected", ({ value, expected }) => {
    expect(clampRetention(value)).toBe(expected);
  });
});

describe("ratingForVerdict", () => {
  test.each([
    { label: "off is Again", verdict: "off" as const, elapsedMs: 10_000, expected: 1 },
    { label: "order of magnitude is Again", verdict: "order-of-magnitude" as const, elapsedMs: 10_000, expected: 1 },
    { label: "wrong dimension is Again", verdict: "wrong-dimension" as const, elapsedMs: 10_000, expected: 1 },
    { label: "unreadable is Again", verdict: "unreadable" as const, elapsedMs: 10_000, expected: 1 },
    { label: "close is Good", verdict: "close" as const, elapsedMs: 10_000, expected: 3 },
    { label: "exact and fast is Easy", verdict: "exact" as const, elapsedMs: 60_000, expected: 4 },
    { label: "exact but slow is Good", verdict: "exact" as const, elapsedMs: 60_001, expected: 3 },
  ])("$label", ({ verdict, elapsedMs, expected }) => {
    expect(ratingForVerdict(verdict, elapsedMs)).toBe(expected);
  });
});

describe("formatInterval", () => {
  const at = (ms: number) => new Date(start.getTime() + ms);
  test.each([
    { label: "under a minute rounds up to 1m", ms: 20_000, expected: "1m" },
    { label: "ten minutes", ms: 600_000, expected: "10m" },
    { label: "five hours", ms: 5 * 3_600_000, expected: "5h" },
    { label: "three days", ms: 3 * 86_400_000, expected: "3d" },
    { label: "two months", ms: 61 * 86_400_000, expected: "2mo" },
    { label: "a year and a half", ms: 548 * 86_400_000, expected: "1.5y" },
  ])("$label → $expected", ({ ms, expected }) => {
    expect(formatInterval(start, at(ms))).toBe(expected);
  });
});
