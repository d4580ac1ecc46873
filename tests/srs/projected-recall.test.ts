import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, newCardState, projectedRecall, retrievability, scheduleReview } from "@/lib/srs";

const DAY = 86_400_000;
const start = new Date("2026-05-01T09:00:00Z");

/** A card rated Good at `start`, then Good again when due, `reviews` times: a card in review. */
function learnedCard(reviews: number) {
  let card = scheduleReview(newCardState(start), 3, start, DEFAULT_SETTINGS);
  for (let i = 0; i < reviews; i++) card = scheduleReview(card, 3, card.due, DEFAULT_SETTINGS);
  return card;
}

describe("projectedRecall: FSRS retrievability on the interview day", () => {
  test("no cards: nothing to average", () => {
    expect(projectedRecall([], start, DEFAULT_SETTINGS)).toEqual({ average: null, learned: 0, unlearned: 0 });
  });

  test("only new cards: counted apart, no average", () => {
    expect(projectedRecall([newCardState(start), newCardState(start)], start, DEFAULT_SETTINGS)).toEqual({
      average: null,
      learned: 0,
      unlearned: 2,
    });
  });

  test("a card on its due date is at the desired retention", () => {
    const card = learnedCard(3);
    expect(card.state).toBe("review");
    // FSRS schedules the due date where R falls to the requested retention (rounded to whole days).
    expect(projectedRecall([card], card.due, DEFAULT_SETTINGS).average).toBeCloseTo(0.9, 1);
  });

  test("recall falls the later the date", () => {
    const card = learnedCard(2);
    const on = (days: number) => projectedRecall([card], new Date(card.due.getTime() + days * DAY), DEFAULT_SETTINGS);
    const soon = on(0).average ?? 0;
    const later = on(30).average ?? 0;
    const muchLater = on(365).average ?? 0;
    expect(soon).toBeGreaterThan(later);
    expect(later).toBeGreaterThan(muchLater);
    expect(muchLater).toBeGreaterThan(0);
  });

  test("the average is the mean of each learned card's retrievability; new cards stay out", () => {
    const cards = [learnedCard(1), learnedCard(3), newCardState(start)];
    const on = new Date(start.getTime() + 60 * DAY);
    const expected =
      ((cards[0] ? retrievability(cards[0], on, DEFAULT_SETTINGS) : 0) +
        (cards[1] ? retrievability(cards[1], on, DEFAULT_SETTINGS) : 0)) /
      2;
    expect(projectedRecall(cards, on, DEFAULT_SETTINGS)).toEqual({
      average: expect.closeTo(expected, 9),
      learned: 2,
      unlearned: 1,
    });
  });
});
