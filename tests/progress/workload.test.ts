import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import {
  DEFAULT_SECONDS_PER_REVIEW,
  WORKLOAD_HORIZON_DAYS,
  WORKLOAD_RETENTIONS,
  addModuleCards,
  disconnectDb,
  getWorkloadTable,
  listDeck,
  reviewCard,
  updateSettings,
} from "@/lib/progress";
import { median } from "@/lib/srs";
import { makeUser } from "../helpers/users";

// The workload table beside the desired-retention setting, read from a learner's real deck in PostgreSQL.

afterAll(async () => {
  await disconnectDb();
});

const now = new Date("2026-06-01T10:00:00Z");

/** Rate the first `count` cards of the learner's deck Good, each taking the matching `durationsMs`. */
async function rateTimed(userId: string, durationsMs: readonly number[]) {
  const deck = await listDeck(userId);
  for (const [i, durationMs] of durationsMs.entries()) {
    const card = deck[i];
    if (!card) throw new Error("the deck has fewer cards than durations");
    const result = await reviewCard(
      userId,
      { clientId: randomUUID(), cardId: card.cardId, rating: 3, durationMs },
      now,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
}

describe("getWorkloadTable", () => {
  test("a learner with cards gets a row per retention, costlier the higher it is", async () => {
    const user = await makeUser();
    const added = await addModuleCards(user.id, "estimation", now);
    expect(added).toBeGreaterThan(20);

    const table = await getWorkloadTable(user.id, now);
    expect(table.rows.map((row) => row.desiredRetention)).toEqual([...WORKLOAD_RETENTIONS]);
    expect(table.rows.filter((row) => row.current).map((row) => row.desiredRetention)).toEqual([0.9]);
    expect(table).toMatchObject({
      horizonDays: WORKLOAD_HORIZON_DAYS,
      secondsPerReview: DEFAULT_SECONDS_PER_REVIEW,
      secondsSource: "default",
      cardsInPlay: 0,
      newCards: added,
      newCardsPerDay: 20,
    });
    for (const row of table.rows) {
      // Every card waiting is introduced within the first 30 days at 20 a day, and each is seen at least once.
      expect(row.first30.newCardsPerDay).toBeCloseTo(Math.min(added, 20 * 30) / 30, 9);
      expect(row.first30.reviewsPerDay).toBeGreaterThanOrEqual(row.first30.newCardsPerDay);
      expect(row.first30.minutesPerDay).toBeCloseTo((row.first30.reviewsPerDay * DEFAULT_SECONDS_PER_REVIEW) / 60, 9);
    }
    const reviews = table.rows.map((row) => row.horizon.reviewsPerDay);
    expect(reviews).toEqual([...reviews].sort((a, b) => a - b));
    expect(reviews.at(-1)).toBeGreaterThan(reviews[0] ?? Infinity);
  });

  test("a learner with no cards gets zeros, not an error", async () => {
    const other = await makeUser();
    await addModuleCards(other.id, "estimation", now);
    const user = await makeUser();

    const table = await getWorkloadTable(user.id, now);
    expect(table.cardsInPlay).toBe(0);
    expect(table.newCards).toBe(0);
    expect(table.rows).toHaveLength(WORKLOAD_RETENTIONS.length);
    for (const row of table.rows) {
      expect(row.first30).toEqual({ reviewsPerDay: 0, newCardsPerDay: 0, minutesPerDay: 0 });
      expect(row.horizon).toEqual({ reviewsPerDay: 0, newCardsPerDay: 0, minutesPerDay: 0 });
    }
  });

  test("the learner's own retention gets its row, marked current", async () => {
    const user = await makeUser();
    await addModuleCards(user.id, "estimation", now);
    const saved = await updateSettings(user.id, { desiredRetention: 0.93 }, now);
    expect(saved.ok).toBe(true);

    const table = await getWorkloadTable(user.id, now);
    expect(table.rows.map((row) => row.desiredRetention)).toEqual([0.8, 0.85, 0.9, 0.93, 0.95, 0.97]);
    expect(table.rows.filter((row) => row.current).map((row) => row.desiredRetention)).toEqual([0.93]);
  });

  test("rated cards come back on their due dates, and the learner's median time (capped at a minute) prices them", async () => {
    const user = await makeUser();
    await addModuleCards(user.id, "estimation", now);
    await updateSettings(user.id, { newCardsPerDay: 40 }, now);
    // 25 timed ratings: 1 s to 24 s, and one left open for ten minutes (counted as 60 s).
    const durationsMs = [...Array.from({ length: 24 }, (_, i) => (i + 1) * 1000), 600_000];
    await rateTimed(user.id, durationsMs);

    const table = await getWorkloadTable(user.id, now);
    const expectedSeconds = median(durationsMs.map((ms) => Math.min(ms, 60_000) / 1000));
    expect(table.secondsSource).toBe("yours");
    expect(table.secondsPerReview).toBeCloseTo(expectedSeconds, 1);
    expect(table.cardsInPlay).toBe(durationsMs.length);
    expect(table.newCardsPerDay).toBe(40);
    for (const row of table.rows)
      expect(row.horizon.minutesPerDay).toBeCloseTo((row.horizon.reviewsPerDay * expectedSeconds) / 60, 6);
  });

  test("fewer than 20 timed ratings keep the default time", async () => {
    const user = await makeUser();
    await addModuleCards(user.id, "estimation", now);
    await rateTimed(user.id, [30_000, 30_000, 30_000]);
    const table = await getWorkloadTable(user.id, now);
    expect(table).toMatchObject({ secondsSource: "default", secondsPerReview: DEFAULT_SECONDS_PER_REVIEW });
    expect(table.cardsInPlay).toBe(3);
  });
});
