import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { getExercise, listCards } from "@/lib/content";
import { buildExercise, convert } from "@/lib/engine";
import {
  addCardsToDeck,
  addLessonCards,
  disconnectDb,
  getCardState,
  listDueReviews,
  recordAttempt,
  reviewCard,
  serveStepVariant,
  serveVariant,
  stepCardId,
  undoLastReview,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-04-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const firstCard = () => {
  const card = [...listCards().values()][0];
  if (!card) throw new Error("no cards in content");
  return card.id;
};

describe("the deck", () => {
  test("a lesson's cards are added once, due now, and served up to the day's limit of new cards", async () => {
    const user = await makeUser();
    const expected = [...listCards().values()].filter((c) => c.lessonId === "numbers-to-know").length;
    expect(expected).toBeGreaterThan(20);
    expect(await addLessonCards(user.id, "numbers-to-know", now)).toBe(expected);
    expect(await addLessonCards(user.id, "numbers-to-know", later(1000))).toBe(0);
    const due = await listDueReviews(user.id, now, 500);
    expect(due).toHaveLength(20);
    expect(due.every((item) => item.kind === "fact" && item.preview[3] === "10m")).toBe(true);
  });
});

describe("rating a card", () => {
  test("a rating moves the card and appends one log row with the state before and after", async () => {
    const user = await makeUser();
    const cardId = firstCard();
    await addCardsToDeck(user.id, [cardId], now);
    const result = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 4000 }, now);
    expect(result).toMatchObject({ ok: true, rating: 3, state: "learning", duplicate: false });
    expect((await getCardState(user.id, cardId))?.due).toEqual(later(10 * 60_000));
    const logs = await testDb().reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ kind: "rating", rating: 3, durationMs: 4000, reviewedAt: now });
    expect(logs[0]?.before).toMatchObject({ state: "new", reps: 0 });
    expect(logs[0]?.after).toMatchObject({ state: "learning", reps: 1 });
  });

  test("a replayed client id is an idempotent no-op: one log row, the same answer", async () => {
    const user = await makeUser();
    const cardId = firstCard();
    await addCardsToDeck(user.id, [cardId], now);
    const input = { clientId: randomUUID(), cardId, rating: 3 as const, durationMs: 1000 };
    const results = await Promise.all([
      reviewCard(user.id, input, now),
      reviewCard(user.id, input, now),
      reviewCard(user.id, input, later(5)),
    ]);
    expect(results.every((r) => r.ok && r.rating === 3)).toBe(true);
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect((await getCardState(user.id, cardId))?.reps).toBe(1);
  });

  test.each([
    {
      label: "a card that is not in the deck",
      setup: false,
      at: now,
      reason: "not-found",
      message: "That card is not in your deck.",
    },
    {
      label: "a card that is not due yet",
      setup: true,
      at: now,
      reason: "conflict",
      message: "That card is not due yet.",
    },
  ])("$label → $reason, no log row", async ({ setup, at, reason, message }) => {
    const user = await makeUser();
    const cardId = firstCard();
    if (setup) {
      await addCardsToDeck(user.id, [cardId], now);
      await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 4, durationMs: 1 }, now);
    }
    const before = await testDb().reviewLog.count({ where: { userId: user.id } });
    const result = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, at);
    expect(result).toEqual({ ok: false, reason, message });
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(before);
  });

  test("user B cannot rate, see or undo user A's cards", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    const cardId = firstCard();
    await addCardsToDeck(a.id, [cardId], now);
    expect(await listDueReviews(b.id, now)).toEqual([]);
    expect(await reviewCard(b.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, now)).toMatchObject({
      ok: false,
      reason: "not-found",
    });
    await reviewCard(a.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, now);
    expect(await undoLastReview(b.id, randomUUID(), now)).toEqual({
      ok: false,
      reason: "conflict",
      message: "There is nothing to undo.",
    });
    expect((await getCardState(a.id, cardId))?.reps).toBe(1);
  });
});

describe("undo", () => {
  test("restores the card exactly, due date included, and logs the undo", async () => {
    const user = await makeUser();
    const cardId = firstCard();
    await addCardsToDeck(user.id, [cardId], now);
    await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, now);
    const beforeSecond = await getCardState(user.id, cardId);
    await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 1, durationMs: 1 }, later(10 * 60_000));
    expect(await getCardState(user.id, cardId)).not.toEqual(beforeSecond);

    const undo = await undoLastReview(user.id, randomUUID(), later(11 * 60_000));
    expect(undo).toMatchObject({ ok: true, cardId, duplicate: false });
    expect(await getCardState(user.id, cardId)).toEqual(beforeSecond);
    const kinds = (
      await testDb().reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } })
    ).map((l) => l.kind);
    expect(kinds).toEqual(["rating", "rating", "undo"]);
  });

  test("undo twice walks back two ratings; a third says there is nothing to undo; a replayed undo is a no-op", async () => {
    const user = await makeUser();
    const cardId = firstCard();
    await addCardsToDeck(user.id, [cardId], now);
    const fresh = await getCardState(user.id, cardId);
    await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, now);
    await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }, later(10 * 60_000));
    const undoId = randomUUID();
    await undoLastReview(user.id, undoId, later(1));
    expect(await undoLastReview(user.id, undoId, later(2))).toMatchObject({ ok: true, duplicate: true });
    await undoLastReview(user.id, randomUUID(), later(3));
    expect(await getCardState(user.id, cardId)).toEqual(fresh);
    expect(await undoLastReview(user.id, randomUUID(), later(4))).toEqual({
      ok: false,
      reason: "conflict",
      message: "There is nothing to undo.",
    });
    expect(await testDb().reviewLog.count({ where: { userId: user.id, kind: "undo" } })).toBe(2);
  });
});

describe("a missed estimation step becomes a card", () => {
  const exerciseId = "numbers-image-api-gbps";

  /** Answer the lesson's image-API estimate with the bits step wrong: its card is due now. */
  async function missBitsStep(userId: string): Promise<void> {
    const served = serveVariant(exerciseId, 0);
    if (!served) throw new Error("exercise missing");
    const answers = { bytesOut: "5 GB/s", bitsOut: "5 Gbps" };
    await recordAttempt(
      userId,
      { clientId: randomUUID(), exerciseId, seed: 0, token: served.token, source: "lesson", answers, elapsedMs: 1000 },
      now,
    );
  }

  test("a wrong step in a lesson creates a step card; reviewing it grades a fresh variant and maps the verdict to a rating", async () => {
    const user = await makeUser();
    await missBitsStep(user.id);
    const cardId = stepCardId(exerciseId, "bitsOut");
    const due = await listDueReviews(user.id, now, 10, () => 777);
    expect(due.map((item) => item.cardId)).toEqual([cardId]);
    const item = due[0];
    if (!item || item.kind !== "step") throw new Error("expected a step card");
    expect(item.prompt.seed).toBe(777);
    expect(item.prompt.steps.map((s) => s.id)).toEqual(["bitsOut"]);
    expect(JSON.stringify(item.prompt)).not.toContain("formula");

    const exercise = getExercise(exerciseId);
    if (!exercise) throw new Error("exercise missing");
    const step = buildExercise(exercise.spec, 777).steps.find((s) => s.id === "bitsOut");
    if (!step) throw new Error("step missing");
    const right = `${convert(step.expected, "Gbps")} Gbps`;
    const wrongTry = await reviewCard(
      user.id,
      { clientId: randomUUID(), cardId, answer: "1 b", seed: 777, token: item.token, durationMs: 5000 },
      now,
    );
    expect(wrongTry).toMatchObject({ ok: true, rating: 1 });
    const soon = later(11 * 60_000);
    const rightTry = await reviewCard(
      user.id,
      { clientId: randomUUID(), cardId, answer: right, seed: 777, token: item.token, durationMs: 5000 },
      soon,
    );
    expect(rightTry).toMatchObject({ ok: true, rating: 4, grade: { verdict: "exact" } });
    const logs = await testDb().reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => [l.rating, l.verdict])).toEqual([
      [1, expect.stringMatching(/off|order-of-magnitude|unreadable|wrong-dimension/)],
      [4, "exact"],
    ]);
  });

  test.each([
    { label: "an emoji", answer: "😀" },
    { label: "a single number on nothing readable", answer: "lots" },
  ])("an unreadable review answer ($label) is not rated: the card and the log are unchanged", async ({ answer }) => {
    const user = await makeUser();
    await missBitsStep(user.id);
    const cardId = stepCardId(exerciseId, "bitsOut");
    const before = await getCardState(user.id, cardId);
    const variant = serveStepVariant(cardId, 9);
    if (!variant) throw new Error("variant missing");
    const result = await reviewCard(
      user.id,
      { clientId: randomUUID(), cardId, answer, seed: 9, token: variant.token, durationMs: 5000 },
      now,
    );
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(await getCardState(user.id, cardId)).toEqual(before);
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  test("missing the same step again brings the card forward, and a forged variant is refused", async () => {
    const user = await makeUser();
    // Each attempt on new numbers (a re-check of the same variant is graded but not stored).
    const attempt = (at: Date, seed: number) => {
      const served = serveVariant(exerciseId, seed);
      if (!served) throw new Error("exercise missing");
      return recordAttempt(
        user.id,
        {
          clientId: randomUUID(),
          exerciseId,
          seed,
          token: served.token,
          source: "lesson",
          answers: { bitsOut: "1 Gbps" },
          elapsedMs: 1,
        },
        at,
      );
    };
    await attempt(now, 0);
    const cardId = stepCardId(exerciseId, "bitsOut");
    const variant = serveStepVariant(cardId, 5);
    const exercise = getExercise(exerciseId);
    const step = exercise ? buildExercise(exercise.spec, 5).steps.find((s) => s.id === "bitsOut") : undefined;
    if (!variant || !step) throw new Error("variant missing");
    await reviewCard(
      user.id,
      {
        clientId: randomUUID(),
        cardId,
        answer: `${convert(step.expected, "Gbps")} Gbps`,
        seed: 5,
        token: variant.token,
        durationMs: 1,
      },
      now,
    );
    const pushedOut = await getCardState(user.id, cardId);
    expect(pushedOut?.due.getTime()).toBeGreaterThan(later(24 * 3_600_000).getTime());
    await attempt(later(20 * 60_000), 3);
    expect((await getCardState(user.id, cardId))?.due).toEqual(later(20 * 60_000));
    expect(
      await reviewCard(
        user.id,
        { clientId: randomUUID(), cardId, answer: "1", seed: 6, token: variant.token, durationMs: 1 },
        later(21 * 60_000),
      ),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("the review log replays to the stored state", () => {
  test("replaying a card's ratings from a new card reproduces its stored state exactly", async () => {
    const { newCardState, scheduleReview, DEFAULT_SETTINGS } = await import("@/lib/srs");
    const user = await makeUser();
    const cardId = firstCard();
    await addCardsToDeck(user.id, [cardId], now);
    let at = now;
    for (const rating of [3, 3, 1, 3, 4] as const) {
      const result = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating, durationMs: 1 }, at);
      if (!result.ok) throw new Error(result.message);
      at = result.due;
    }
    const logs = await testDb().reviewLog.findMany({
      where: { userId: user.id, cardId },
      orderBy: { reviewedAt: "asc" },
    });
    let replayed = newCardState(now);
    for (const log of logs) {
      if (log.rating !== 1 && log.rating !== 2 && log.rating !== 3 && log.rating !== 4) throw new Error("bad rating");
      replayed = scheduleReview(replayed, log.rating, log.reviewedAt, DEFAULT_SETTINGS);
    }
    expect(await getCardState(user.id, cardId)).toEqual(replayed);
  });
});

describe("bad review requests", () => {
  test.each([
    { label: "a rating of 5", body: { clientId: randomUUID(), cardId: "x", rating: 5, durationMs: 1 } },
    { label: "a rating of 0", body: { clientId: randomUUID(), cardId: "x", rating: 0, durationMs: 1 } },
    { label: "no client id", body: { cardId: "x", rating: 3, durationMs: 1 } },
    { label: "a negative duration", body: { clientId: randomUUID(), cardId: "x", rating: 3, durationMs: -1 } },
  ])("$label is refused by the schema", async ({ body }) => {
    const { reviewSubmitSchema } = await import("@/lib/progress");
    expect(reviewSubmitSchema.safeParse(body).success).toBe(false);
  });
});
