import { describe, expect, test } from "vitest";
import { balanceDue, balanceInterval, fuzzRange, type CardState } from "@/lib/srs";

const DAY = 86_400_000;
const now = new Date("2026-05-01T09:00:00Z");

function reviewCard(scheduledDays: number, state: CardState["state"] = "review"): CardState {
  return {
    due: new Date(now.getTime() + scheduledDays * DAY),
    stability: scheduledDays,
    difficulty: 5,
    scheduledDays,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state,
    lastReview: now,
  };
}

type Row = { label: string; interval: number; load: Record<number, number>; expected: number };

describe("balanceInterval: a lighter day inside the fuzz range", () => {
  test.each<Row>([
    // Fuzz ranges from ts-fsrs get_fuzz_range: 10 days → 8..12, 30 days → 27..33, 4 days → 3..5.
    {
      label: "the scheduled day is crowded: the lightest day in range",
      interval: 10,
      load: { 8: 9, 9: 8, 10: 40, 11: 3, 12: 9, 13: 0 },
      expected: 11,
    },
    {
      label: "the lightest day of a wide range",
      interval: 30,
      load: { 26: 0, 27: 9, 28: 9, 29: 9, 30: 9, 31: 1, 32: 9, 33: 9, 34: 0 },
      expected: 31,
    },
    { label: "a short interval still moves by a day", interval: 4, load: { 3: 0, 4: 5, 5: 5 }, expected: 3 },
    { label: "under 3 days: no range, unchanged", interval: 2, load: { 1: 0, 2: 99, 3: 0 }, expected: 2 },
    { label: "1 day: unchanged", interval: 1, load: { 1: 99 }, expected: 1 },
  ])("$label → $expected days", ({ interval, load, expected }) => {
    const loadOf = (days: number) => load[days] ?? 0;
    expect(balanceInterval(interval, interval, "card-a", loadOf)).toBe(expected);
  });

  test("stays inside the range even when every day in it is crowded", () => {
    const days = balanceInterval(30, 30, "card-a", (d) => (d >= 27 && d <= 33 ? 50 : 0));
    expect(days).toBeGreaterThanOrEqual(27);
    expect(days).toBeLessThanOrEqual(33);
  });

  test("the same card and load always give the same day", () => {
    const load = (d: number) => d % 3;
    const first = balanceInterval(25, 25, "step-dr-01-peak", load);
    for (let i = 0; i < 5; i++) expect(balanceInterval(25, 25, "step-dr-01-peak", load)).toBe(first);
  });

  test("cards learned together spread over the range instead of one day", () => {
    // Forty cards of one lesson, each balanced against the load the earlier ones left: no day takes more than its share.
    const counts = new Map<number, number>();
    for (let i = 0; i < 40; i++) {
      const days = balanceInterval(20, 20, `card-${i}`, (d) => counts.get(d) ?? 0);
      counts.set(days, (counts.get(days) ?? 0) + 1);
    }
    // 20 days → 17..23: seven days, five or six cards each (40 = 5 × 6 + 2 × 5).
    const days = [...counts.keys()].sort((a, b) => a - b);
    expect(days).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect([...counts.values()].sort()).toEqual([5, 5, 6, 6, 6, 6, 6]);
  });

  test("with no load at all the scheduled day stays (an empty deck keeps FSRS's intervals)", () => {
    for (let i = 0; i < 20; i++) expect(balanceInterval(20, 20, `card-${i}`, () => 0)).toBe(20);
  });

  test("the scheduled day stays when it is as light as the lightest", () => {
    expect(balanceInterval(10, 10, "card-a", (d) => (d === 9 ? 2 : d === 10 ? 2 : 5))).toBe(10);
  });

  test("when the scheduled day is crowded, the card id picks among equally light days", () => {
    const picks = new Set(
      Array.from({ length: 20 }, (_, i) => balanceInterval(20, 20, `card-${i}`, (d) => (d === 20 ? 9 : 0))),
    );
    expect(picks.size).toBeGreaterThan(1);
    for (const days of picks) expect(days >= 17 && days <= 23 && days !== 20).toBe(true);
  });
});

describe("fuzzRange", () => {
  test.each([
    { interval: 4, expected: { minDays: 3, maxDays: 5 } },
    { interval: 10, expected: { minDays: 8, maxDays: 12 } },
    { interval: 30, expected: { minDays: 27, maxDays: 33 } },
  ])("$interval days → $expected.minDays..$expected.maxDays", ({ interval, expected }) => {
    expect(fuzzRange(interval)).toEqual(expected);
  });
});

describe("balanceDue: the card's due date follows the balanced interval", () => {
  test("a review card moves to the lighter day, the rest of its state unchanged", () => {
    const card = reviewCard(10);
    const balanced = balanceDue(card, now, "card-a", (d) => (d === 10 ? 40 : d === 9 ? 2 : 7)); // range 8..12
    expect(balanced).toEqual({ ...card, scheduledDays: 9, due: new Date(now.getTime() + 9 * DAY) });
    expect(card.scheduledDays).toBe(10); // not mutated
  });

  test.each([
    { label: "a learning card", card: reviewCard(0, "learning") },
    { label: "a relearning card", card: reviewCard(0, "relearning") },
    { label: "a review card due in 2 days", card: reviewCard(2) },
  ])("$label is left as it is", ({ card }) => {
    expect(balanceDue(card, now, "card-a", (d) => (d === card.scheduledDays ? 99 : 0))).toBe(card);
  });
});
