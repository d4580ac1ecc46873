import { describe, expect, test } from "vitest";
import { orderBacklog, relativeOverdueness, spreadBacklog, type BacklogCard } from "@/lib/srs";

const DAY = 86_400_000;
const now = new Date("2026-06-01T08:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** A card last reviewed `interval + late` days ago on an interval of `interval` days: `late` days overdue now. */
function due(cardId: string, interval: number, late: number): BacklogCard {
  return { cardId, due: daysAgo(late), lastReview: daysAgo(late + interval), scheduledDays: interval };
}

describe("relativeOverdueness", () => {
  test.each([
    { label: "five days late on ten", card: due("a", 10, 5), expected: 0.5 },
    { label: "three days late on two", card: due("a", 2, 3), expected: 1.5 },
    { label: "due right now", card: due("a", 10, 0), expected: 0 },
    { label: "not due yet", card: due("a", 10, -2), expected: 0 },
    {
      label: "a 10-minute relearning step a day late",
      card: { cardId: "a", due: daysAgo(1), lastReview: new Date(now.getTime() - DAY - 600_000), scheduledDays: 0 },
      expected: 144,
    },
    {
      label: "never reviewed: the scheduled days are the interval",
      card: { cardId: "a", due: daysAgo(4), lastReview: null, scheduledDays: 8 },
      expected: 0.5,
    },
  ])("$label → $expected", ({ card, expected }) => {
    expect(relativeOverdueness(card, now)).toBeCloseTo(expected, 9);
  });
});

describe("orderBacklog: most overdue relative to the interval first", () => {
  test("after a two-week break", () => {
    const cards = [
      due("year-card", 365, 14), // oldest due, but 14/365 of its interval late
      due("month-card", 30, 10), // 1/3
      due("short-card", 2, 3), // 1.5
      due("week-card", 7, 7), // 1
      due("fresh-card", 20, 1), // 0.05
    ];
    expect(orderBacklog(cards, now).map((c) => c.cardId)).toEqual([
      "short-card",
      "week-card",
      "month-card",
      "fresh-card",
      "year-card",
    ]);
  });

  test("ties go to the earlier due date, then the id; the argument is not reordered", () => {
    const cards = [due("b", 10, 5), due("a", 10, 5), due("c", 20, 10)];
    expect(orderBacklog(cards, now).map((c) => c.cardId)).toEqual(["c", "a", "b"]);
    expect(cards.map((c) => c.cardId)).toEqual(["b", "a", "c"]);
  });

  test("an empty backlog", () => {
    expect(orderBacklog([], now)).toEqual([]);
  });
});

describe("spreadBacklog: a large backlog over several days", () => {
  test.each([
    {
      label: "five cards over two days",
      cards: ["a", "b", "c", "d", "e"],
      days: 2,
      expected: [
        ["a", "b", "c"],
        ["d", "e"],
      ],
    },
    {
      label: "even split",
      cards: ["a", "b", "c", "d"],
      days: 2,
      expected: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    { label: "more days than cards", cards: ["a", "b"], days: 4, expected: [["a"], ["b"], [], []] },
    { label: "one day", cards: ["a", "b", "c"], days: 1, expected: [["a", "b", "c"]] },
    { label: "zero days counts as one", cards: ["a"], days: 0, expected: [["a"]] },
    { label: "nothing to spread", cards: [], days: 3, expected: [[], [], []] },
  ])("$label", ({ cards, days, expected }) => {
    expect(spreadBacklog(cards, days)).toEqual(expected);
  });

  test("300 cards over 7 days: 43 on the first six, 42 on the last, in order", () => {
    const cards = Array.from({ length: 300 }, (_, i) => i);
    const groups = spreadBacklog(cards, 7);
    expect(groups.map((g) => g.length)).toEqual([43, 43, 43, 43, 43, 43, 42]);
    expect(groups.flat()).toEqual(cards);
  });
});
