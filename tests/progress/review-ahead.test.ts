import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { listCards } from "@/lib/content";
import {
  addCardsToDeck,
  disconnectDb,
  getCardState,
  listDueReviews,
  listUpcomingReviews,
  REVIEW_AHEAD_MS,
  reviewCard,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-04-01T10:00:00Z");
const HOUR = 3_600_000;
const at = (ms: number) => new Date(now.getTime() + ms);

/** A learner with three flashcards already learned, due in 2 hours, 20 hours and 30 hours. */
async function learnerWithCardsAhead() {
  const user = await makeUser();
  const cards = [...listCards().values()].slice(0, 3).map((card) => card.id);
  await addCardsToDeck(user.id, cards, now);
  const dues = [2 * HOUR, 20 * HOUR, 30 * HOUR];
  for (const [i, cardId] of cards.entries()) {
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId } },
      data: {
        state: "review",
        stability: 5,
        difficulty: 5,
        scheduledDays: 5,
        reps: 2,
        due: at(dues[i] ?? 0),
        lastReview: at(-5 * 24 * HOUR),
      },
    });
  }
  return { user, cards };
}

describe("cards due within a day", () => {
  test("the page gets the cards coming due in the next 24 hours, soonest first, none of them in today's queue", async () => {
    const { user, cards } = await learnerWithCardsAhead();
    expect(await listDueReviews(user.id, now)).toEqual([]);
    const upcoming = await listUpcomingReviews(user.id, now);
    expect(upcoming.map((item) => item.cardId)).toEqual([cards[0], cards[1]]);
    expect(upcoming.map((item) => item.dueAt)).toEqual([at(2 * HOUR), at(20 * HOUR)]);
    // The intervals shown are those of the moment the card comes due, not of now.
    expect(upcoming[0]?.preview[1]).toBe("10m");
    expect(REVIEW_AHEAD_MS).toBe(24 * HOUR);
  });

  test("a card held as coming due is rated early once; without the flag, or beyond a day, it is not due yet", async () => {
    const { user, cards } = await learnerWithCardsAhead();
    const [soon, , later] = cards;
    if (!soon || !later) throw new Error("no cards");
    const plain = { cardId: soon, rating: 3 as const, durationMs: 3000 };

    expect(await reviewCard(user.id, { clientId: randomUUID(), ...plain }, now)).toMatchObject({
      ok: false,
      reason: "conflict",
      message: "That card is not due yet.",
    });
    expect(
      await reviewCard(user.id, { clientId: randomUUID(), ...plain, cardId: later, early: true }, now),
    ).toMatchObject({ ok: false, reason: "conflict" });

    const early = { clientId: randomUUID(), ...plain, early: true as const };
    const rated = await reviewCard(user.id, early, now);
    expect(rated).toMatchObject({ ok: true, rating: 3, state: "review", duplicate: false });
    // Sent again by the outbox: stored once.
    expect(await reviewCard(user.id, early, at(HOUR))).toMatchObject({ ok: true, duplicate: true });
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
    const state = await getCardState(user.id, soon);
    expect(state?.reps).toBe(3);
    expect(state?.due.getTime()).toBeGreaterThan(at(24 * HOUR).getTime());
    expect((await listUpcomingReviews(user.id, now)).map((item) => item.cardId)).not.toContain(soon);
  });
});
