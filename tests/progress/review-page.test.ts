import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { listDrills } from "@/lib/content";
import {
  addModuleCards,
  disconnectDb,
  getFitStatus,
  getReviewPage,
  getReviewSummary,
  getSettings,
  listDeck,
  listDueReviews,
  listUpcomingReviews,
  reviewCard,
  updateSettings,
} from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { missDrillFirstStep } from "../helpers/drills";
import { makeUser } from "../helpers/users";

// The review page reads the settings and the deck once; what it shows must be what the separate reads give.

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-05-12T10:00:00Z");
const HOUR = 3_600_000;
const seedFor = (cardId: string) => cardId.length * 7;

/**
 * A learner with a module's cards (a few introduced today, the limit set to 8), some of them learned and overdue by
 * different amounts, one coming due in three hours, and a missed drill step.
 */
async function learnerWithAMixedDeck(): Promise<string> {
  const user = await makeUser();
  await updateSettings(user.id, { newCardsPerDay: 8 }, now);
  await addModuleCards(user.id, "estimation", new Date(now.getTime() - 48 * HOUR));
  const deck = await listDeck(user.id);
  for (const card of deck.slice(0, 3))
    await reviewCard(user.id, { clientId: randomUUID(), cardId: card.cardId, rating: 3, durationMs: 4000 }, now);
  for (const [index, card] of deck.slice(10, 16).entries()) {
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId: card.cardId } },
      data: {
        state: "review",
        stability: 4 + index,
        difficulty: 5,
        scheduledDays: 2 + index,
        reps: 3,
        lastReview: new Date(now.getTime() - (6 + index) * 24 * HOUR),
        due: new Date(now.getTime() + (index === 5 ? 3 * HOUR : -index * 24 * HOUR)),
      },
    });
  }
  const drill = listDrills().find((entry) => !entry.calibration);
  if (!drill) throw new Error("the course has no point-estimate drill");
  await missDrillFirstStep(user.id, drill.id, new Date(now.getTime() - HOUR));
  return user.id;
}

test.each([
  { label: "the whole queue", limit: 50 },
  { label: "a queue shorter than what is due", limit: 4 },
])("the review page's reads give what the separate reads give: $label", async ({ limit }) => {
  const userId = await learnerWithAMixedDeck();
  const page = await getReviewPage(userId, now, limit, seedFor);
  const deck = await listDeck(userId);
  expect(page.items).toEqual(await listDueReviews(userId, now, limit, seedFor));
  expect(page.upcoming).toEqual(await listUpcomingReviews(userId, now, limit, seedFor));
  expect(page.summary).toEqual(await getReviewSummary(userId, now));
  expect(page.settings).toEqual(await getSettings(userId));
  expect(page.fitStatus).toEqual(await getFitStatus(userId));
  expect(page.deckSize).toBe(deck.length);
  expect(page.stepCards).toBe(deck.filter((card) => card.kind === "step").length);
  // The learner's deck has all of it: new cards held by the limit, due reviews, a step, and coming due the three
  // cards in their learning step and the review card due in three hours.
  expect(page.stepCards).toBeGreaterThan(0);
  expect(page.upcoming).toHaveLength(4);
  expect(page.upcoming.at(-1)?.dueAt).toEqual(new Date(now.getTime() + 3 * HOUR));
  expect(page.summary.leftToday).toBe(5);
  expect(page.items.length).toBe(Math.min(limit, page.summary.due));
});

test("an empty deck: nothing due, nothing coming, the default settings", async () => {
  const user = await makeUser();
  const page = await getReviewPage(user.id, now);
  expect(page).toMatchObject({ items: [], upcoming: [], deckSize: 0, stepCards: 0 });
  expect(page.summary).toEqual(await getReviewSummary(user.id, now));
  expect(page.settings).toEqual(await getSettings(user.id));
});
