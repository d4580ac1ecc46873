import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { listCards } from "@/lib/content";
import {
  disconnectDb,
  fitParameters,
  getFitStatus,
  getSettings,
  reviewCard,
  runFitChild,
  setUseFitted,
} from "@/lib/progress";
import { DEFAULT_SETTINGS, DEFAULT_WEIGHTS, FIT_MIN_REVIEWS, scheduleReview, type CardState } from "@/lib/srs";
import { disconnectTestDb, testDb } from "../helpers/db";
import { simulateReviews, type SimulatedReview } from "../helpers/review-history";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const start = new Date("2026-01-05T09:00:00Z");
const now = new Date("2026-06-01T12:00:00Z");

/**
 * A learner whose new cards last three times longer than the defaults assume (initial stabilities × 3), so a fit on
 * their log has something to find. (Seeded: the history, the fit and the held-back cards are the same on every run.)
 */
const learnerWeights = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 3 : w));

const stateJson = (state: CardState) => ({
  ...state,
  due: state.due.toISOString(),
  lastReview: state.lastReview?.toISOString() ?? null,
});

/** Store simulated ratings as reviewCard does: one log row per rating (state before and after), and each card's row. */
async function storeReviews(userId: string, reviews: SimulatedReview[], cards: Map<string, CardState>) {
  await testDb().reviewCard.createMany({
    data: [...cards].map(([cardId, state]) => ({ userId, cardId, kind: "fact", ...state })),
  });
  const ids = reviews.map(() => randomUUID());
  await testDb().reviewLog.createMany({
    data: reviews.map((review, index) => ({
      userId,
      clientId: ids[index] ?? randomUUID(),
      cardId: review.cardId,
      kind: "rating",
      rating: review.rating,
      before: stateJson(review.before),
      after: stateJson(review.after),
      reviewedAt: review.reviewedAt,
      durationMs: 5000,
    })),
  });
  return ids;
}

/** Undo ratings as undoLastReview records it: an "undo" row naming the rating's client id. */
async function storeUndos(userId: string, reviews: SimulatedReview[], clientIds: string[]) {
  await testDb().reviewLog.createMany({
    data: clientIds.map((undoes, index) => {
      const review = reviews[index];
      if (!review) throw new Error("an undo without its rating");
      return {
        userId,
        clientId: randomUUID(),
        cardId: review.cardId,
        kind: "undo",
        undoes,
        before: stateJson(review.after),
        after: stateJson(review.before),
        reviewedAt: new Date(review.reviewedAt.getTime() + 1000),
        durationMs: 0,
      };
    }),
  });
}

/** Step-card ratings: the engine's verdict gave them, so a fit leaves them out. */
async function storeStepRatings(userId: string, count: number) {
  const { reviews } = simulateReviews({ cards: count, perDay: count, days: 1, seed: 5, start, cardPrefix: "step" });
  await testDb().reviewLog.createMany({
    data: reviews.slice(0, count).map((review) => ({
      userId,
      clientId: randomUUID(),
      cardId: review.cardId,
      kind: "rating",
      rating: review.rating,
      verdict: "exact",
      answer: "3 TB",
      seed: 1,
      before: stateJson(review.before),
      after: stateJson(review.after),
      reviewedAt: review.reviewedAt,
      durationMs: 5000,
    })),
  });
}

/** A real flashcard of the course, placed in the learner's deck in review phase, due now (last seen 6 days ago). */
async function dueReviewCard(userId: string, index: number): Promise<{ cardId: string; before: CardState }> {
  const card = [...listCards().values()][index];
  if (!card) throw new Error("no cards in content");
  const before: CardState = {
    due: now,
    stability: 6,
    difficulty: 5,
    scheduledDays: 6,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: "review",
    lastReview: new Date(now.getTime() - 6 * 86_400_000),
  };
  await testDb().reviewCard.create({ data: { userId, cardId: card.id, kind: "fact", ...before } });
  return { cardId: card.id, before };
}

async function storedStability(userId: string, cardId: string): Promise<number | undefined> {
  const row = await testDb().reviewCard.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return row?.stability;
}

describe("too little history", () => {
  test("below 400 own ratings the fit is refused with the count; undone ratings and step cards do not count", async () => {
    const user = await makeUser("fit-few");
    const { reviews, cards } = simulateReviews({ cards: 90, perDay: 5, days: 100, seed: 3, start });
    const kept = reviews.slice(0, FIT_MIN_REVIEWS + 5);
    const ids = await storeReviews(user.id, kept, cards);
    // The first ten ratings were undone: 395 remain, whatever the 25 step-card ratings beside them.
    await storeUndos(user.id, kept.slice(0, 10), ids.slice(0, 10));
    await storeStepRatings(user.id, 25);

    const outcome = await fitParameters(user.id, now);
    expect(outcome).toEqual({
      ok: false,
      reason: "too-few",
      message: "You have 395 flashcard reviews; fitting needs at least 400, so 5 more.",
    });
    expect(await getFitStatus(user.id)).toMatchObject({ reviews: 395, needed: 400, report: null, hasFitted: false });
    const row = await testDb().userSettings.findUnique({ where: { userId: user.id } });
    expect(row?.fittedWeights ?? []).toEqual([]);
  });

  test("a learner with no reviews is told they have none", async () => {
    const user = await makeUser("fit-none");
    const outcome = await fitParameters(user.id, now);
    expect(outcome.ok ? "" : outcome.message).toBe(
      "You have 0 flashcard reviews; fitting needs at least 400, so 400 more.",
    );
  });
});

describe("a fit on a learner's own history", () => {
  test("runs in the child process, stores 21 weights and a report, and scheduling then uses them", async () => {
    const user = await makeUser("fit-full");
    const other = await makeUser("fit-other");
    const { reviews, cards } = simulateReviews({
      weights: learnerWeights,
      cards: 120,
      perDay: 5,
      days: 120,
      seed: 3,
      start,
    });
    await storeReviews(user.id, reviews, cards);
    // Malformed history beside it: a card seen once (last, so the held-back cards stay the same), a rating out of
    // range and one without a rating.
    const lone = reviews
      .slice(0, 1)
      .map((review) => ({ ...review, cardId: "lone", reviewedAt: new Date(now.getTime() - 86_400_000) }));
    await storeReviews(user.id, lone, new Map());
    const corrupt = reviews.filter((review) => review.cardId === "sim-000").slice(-1);
    await testDb().reviewLog.createMany({
      data: [9, null].map((rating, index) => ({
        userId: user.id,
        clientId: randomUUID(),
        cardId: corrupt[0]?.cardId ?? "sim-000",
        kind: "rating",
        rating,
        before: {},
        after: {},
        reviewedAt: new Date(now.getTime() - (index + 1) * 3_600_000),
        durationMs: 1000,
      })),
    });

    const outcome = await fitParameters(user.id, now);
    expect(outcome.ok ? null : outcome.message).toBeNull();
    if (!outcome.ok) return;
    const row = await testDb().userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.fittedWeights).toHaveLength(21);
    expect(row.fittedWeights.every(Number.isFinite)).toBe(true);
    expect(row.fittedWeights).not.toEqual([...DEFAULT_WEIGHTS]);

    const report = outcome.status.report;
    expect(report).toMatchObject({
      fittedAt: now.toISOString(),
      reviews: reviews.length + lone.length + 2,
      skippedReviews: 2,
      heldBackCards: 24,
    });
    expect(report?.heldBackReviews).toBeGreaterThan(50);
    expect(report?.trainingItems).toBeGreaterThan(300);
    // The learner remembers new cards longer than the defaults assume: the fitted weights predict the held-back cards
    // better, so they are switched on.
    expect(report?.fitted?.logLoss).toBeLessThan(report?.defaults?.logLoss ?? 0);
    expect(outcome.status).toMatchObject({ hasFitted: true, useFitted: true, reviews: report?.reviews });
    expect((await getSettings(user.id)).weights).toEqual(row.fittedWeights);

    // A real review: the card's new stability is the fitted weights' and not the defaults'.
    const { cardId, before } = await dueReviewCard(user.id, 0);
    const rated = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 4000 }, now);
    expect(rated.ok).toBe(true);
    const fittedStability = scheduleReview(before, 3, now, {
      ...DEFAULT_SETTINGS,
      weights: row.fittedWeights,
    }).stability;
    const defaultStability = scheduleReview(before, 3, now, DEFAULT_SETTINGS).stability;
    expect(Math.abs(fittedStability - defaultStability)).toBeGreaterThan(0.01);
    expect(await storedStability(user.id, cardId)).toBeCloseTo(fittedStability, 6);

    // Going back to the defaults: settings lose the weights, and the next review is scheduled as before the fit.
    const back = await setUseFitted(user.id, false);
    expect(back).toMatchObject({ ok: true, status: { hasFitted: true, useFitted: false } });
    expect((await getSettings(user.id)).weights).toBeUndefined();
    const second = await dueReviewCard(user.id, 1);
    await reviewCard(user.id, { clientId: randomUUID(), cardId: second.cardId, rating: 3, durationMs: 4000 }, now);
    expect(await storedStability(user.id, second.cardId)).toBeCloseTo(defaultStability, 6);

    // The fitted set is kept, so it can be chosen again; another learner is untouched throughout.
    expect(await setUseFitted(user.id, true)).toMatchObject({ ok: true, status: { useFitted: true } });
    expect((await getSettings(user.id)).weights).toEqual(row.fittedWeights);
    expect(await getFitStatus(other.id)).toMatchObject({ reviews: 0, hasFitted: false, useFitted: false });
    expect((await getSettings(other.id)).weights).toBeUndefined();
  });

  test("a fit that predicts the held-back cards worse than the defaults is stored but not switched on", async () => {
    const user = await makeUser("fit-worse");
    // This learner's memory is the defaults', and 400-odd items overfit a little: on its held-back cards the defaults
    // do better (log loss 0.347 against 0.367 when this was written).
    const { reviews, cards } = simulateReviews({ cards: 100, perDay: 5, days: 120, seed: 8, start });
    await storeReviews(user.id, reviews, cards);
    const outcome = await fitParameters(user.id, now);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { report } = outcome.status;
    expect(report?.fitted?.logLoss).toBeGreaterThan(report?.defaults?.logLoss ?? Infinity);
    expect(outcome.status).toMatchObject({ hasFitted: true, useFitted: false });
    expect((await getSettings(user.id)).weights).toBeUndefined();
  });

  test("a fit that runs out of time changes nothing and says why", async () => {
    const user = await makeUser("fit-timeout");
    const { reviews, cards } = simulateReviews({ cards: 90, perDay: 5, days: 100, seed: 4, start });
    await storeReviews(user.id, reviews, cards);
    const outcome = await fitParameters(user.id, now, { timeoutMs: 1 });
    expect(outcome).toEqual({
      ok: false,
      reason: "failed",
      message: "Your parameters could not be fitted: The fit took longer than 1 ms and was stopped.",
    });
    expect(await getFitStatus(user.id)).toMatchObject({ hasFitted: false, report: null, useFitted: false });
  });

  test("choosing fitted parameters that do not exist is refused", async () => {
    const user = await makeUser("fit-choose");
    expect(await setUseFitted(user.id, true)).toEqual({
      ok: false,
      reason: "conflict",
      message: "There are no fitted parameters yet: fit them to your reviews first.",
    });
    expect(await setUseFitted(user.id, false)).toMatchObject({ ok: true, status: { useFitted: false } });
  });
});

describe("the fit process", () => {
  test("an item with no gap above 0 aborts the child, and the parent gets an error it can show", async () => {
    const result = await runFitChild([
      [
        { rating: 3, deltaDays: 0 },
        { rating: 3, deltaDays: 0 },
      ],
    ]);
    expect(result).toEqual({ ok: false, message: "The fit process crashed (SIGABRT); nothing was changed." });
    // This process survived the panic, and a good fit runs straight after it.
    const good = await runFitChild([
      [
        { rating: 3, deltaDays: 0 },
        { rating: 3, deltaDays: 2 },
      ],
      [
        { rating: 3, deltaDays: 0 },
        { rating: 1, deltaDays: 3 },
      ],
    ]);
    expect(good.ok && good.weights.length).toBe(21);
  });

  const script = path.join(process.cwd(), "scripts/fsrs/fit-child.mjs");
  const feed = (input: string) => spawnSync(process.execPath, [script], { input, encoding: "utf8", timeout: 60_000 });

  test("fed directly, the child script aborts on an item with no gap above 0: it dies, not its parent", () => {
    const run = feed(
      JSON.stringify({
        items: [
          [
            { rating: 3, deltaDays: 0 },
            { rating: 4, deltaDays: 0 },
          ],
        ],
      }),
    );
    expect(run.signal).toBe("SIGABRT");
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("delta_t > 0");
  });

  test.each([
    { label: "no items", input: JSON.stringify({ items: [] }), error: "There are no reviews to fit." },
    {
      label: "a review that is not two numbers",
      input: JSON.stringify({ items: [[{ rating: "3", deltaDays: 0 }]] }),
      error: "The fit process expects { items: [[{ rating, deltaDays }, …], …] }.",
    },
    { label: "text that is not JSON", input: "items", error: "The fit process was not sent valid JSON." },
  ])("fed $label, the child exits 1 with a message", ({ input, error }) => {
    const run = feed(input);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, error });
  });

  test("a script that is not there is an error result, not an exception", async () => {
    const result = await runFitChild([[{ rating: 3, deltaDays: 0 }]], { script: "/nonexistent/fit-child.mjs" });
    expect(result).toEqual({ ok: false, message: "The fit process stopped without a result (exit code 1)." });
  });
});
