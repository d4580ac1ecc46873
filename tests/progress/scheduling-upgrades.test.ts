import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { listCards } from "@/lib/content";
import { addCardsToDeck, disconnectDb, getCardState, listDueCardIds, reviewCard } from "@/lib/progress";
import { DEFAULT_SETTINGS, fuzzRange, scheduleReview } from "@/lib/srs";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const DAY = 86_400_000;
const now = new Date("2026-04-01T10:00:00Z");
const cardIds = (count: number) => [...listCards().keys()].slice(0, count);

describe("load balancing in a rating", () => {
  test("a card whose scheduled day is crowded comes due on a lighter day inside its fuzz range", async () => {
    const user = await makeUser();
    const [cardId, ...others] = cardIds(12);
    if (!cardId) throw new Error("no cards in content");
    await addCardsToDeck(user.id, [cardId, ...others], now);

    // Rate Good until the next Good would give an interval of at least 3 days (FSRS's own, no balancing yet).
    let at = now;
    for (;;) {
      const state = await getCardState(user.id, cardId);
      if (!state) throw new Error("card missing");
      if (scheduleReview(state, 3, at, DEFAULT_SETTINGS).scheduledDays >= 3 && state.state === "review") break;
      const result = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, at);
      if (!result.ok) throw new Error(result.message);
      at = result.due;
    }
    const before = await getCardState(user.id, cardId);
    if (!before) throw new Error("card missing");
    const plain = scheduleReview(before, 3, at, DEFAULT_SETTINGS).scheduledDays;

    // Every other card of the deck is due on that very day.
    await testDb().reviewCard.updateMany({
      where: { userId: user.id, cardId: { in: others } },
      data: { due: new Date(at.getTime() + plain * DAY), state: "review" },
    });
    const result = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, at);
    if (!result.ok) throw new Error(result.message);
    const days = Math.round((result.due.getTime() - at.getTime()) / DAY);
    const { minDays, maxDays } = fuzzRange(plain);
    expect(days).not.toBe(plain);
    expect(days).toBeGreaterThanOrEqual(minDays);
    expect(days).toBeLessThanOrEqual(maxDays);
    expect((await getCardState(user.id, cardId))?.scheduledDays).toBe(days);
  });
});

describe("the review queue after a break", () => {
  test("the most overdue relative to its interval comes first, not the oldest due", async () => {
    const user = await makeUser();
    const [shortCard, yearCard] = cardIds(2);
    if (!shortCard || !yearCard) throw new Error("no cards in content");
    await addCardsToDeck(user.id, [shortCard, yearCard], now);
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    const review = { state: "review", stability: 10, difficulty: 5, reps: 3 };
    // Three days late on a two-day interval, against ten days late on a year's.
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId: shortCard } },
      data: { ...review, due: daysAgo(3), lastReview: daysAgo(5), scheduledDays: 2 },
    });
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId: yearCard } },
      data: { ...review, due: daysAgo(10), lastReview: daysAgo(375), scheduledDays: 365 },
    });
    expect(await listDueCardIds(user.id, now, 10)).toEqual([shortCard, yearCard]);
    expect(await listDueCardIds(user.id, now, 1)).toEqual([shortCard]);
  });
});
