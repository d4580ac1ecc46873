import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { getExercise, listCaseEntries, listCards, listCurriculum, listLessons } from "@/lib/content";
import { buildExercise, gradeExercise } from "@/lib/engine";
import {
  addModuleCards,
  disconnectDb,
  flagMissedSteps,
  getDashboard,
  getReviewSummary,
  listDeck,
  listDueCardIds,
  listDueReviews,
  listPublishedCards,
  recordLessonEvent,
  reviewCard,
  settingsUpdateSchema,
  stepCardId,
  undoLastReview,
  updateSettings,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";

// Adding a module or opening lessons flooded the deck with every card due at once.

afterAll(async () => {
  await disconnectDb();
});

const now = new Date("2026-04-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;

/** The published cards of a module, in course order (curriculum order of the lesson, then order in its file). */
function courseOrder(module: "estimation" | "building-blocks"): string[] {
  const order = new Map(listCurriculum().map((entry) => [entry.id, entry.order]));
  const published = new Set(listLessons().map((lesson) => lesson.id));
  return [...listCards().values()]
    .filter((card) => card.module === module && published.has(card.lessonId))
    .sort((a, b) => (order.get(a.lessonId) ?? 0) - (order.get(b.lessonId) ?? 0))
    .map((card) => card.id);
}

async function rateGood(userId: string, cardIds: readonly string[], at: Date) {
  for (const cardId of cardIds) {
    const result = await reviewCard(userId, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1000 }, at);
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
}

describe("new cards a day", () => {
  test("adding a module serves at most 20 new cards, in course order", async () => {
    const user = await makeUser();
    const estimation = courseOrder("estimation");
    expect(await addModuleCards(user.id, "estimation", now)).toBe(estimation.length);
    expect(await listDueCardIds(user.id, now, 500)).toEqual(estimation.slice(0, 20));
    expect((await listDueReviews(user.id, now, 500)).map((item) => item.cardId)).toEqual(estimation.slice(0, 20));
    expect(await getReviewSummary(user.id, now)).toEqual({
      due: 20,
      reviewsDue: 0,
      perDay: 20,
      introducedToday: 0,
      leftToday: 20,
      waiting: estimation.length - 20,
    });
  });

  test("a second call the same day serves the rest of the day's allowance only, after the due reviews", async () => {
    const user = await makeUser();
    const estimation = courseOrder("estimation");
    await addModuleCards(user.id, "estimation", now);
    await rateGood(user.id, estimation.slice(0, 8), now);
    // A minute later the 8 are learning (due in 10 minutes): 12 new cards are left, the next ones of the course.
    expect(await listDueCardIds(user.id, later(MINUTE), 500)).toEqual(estimation.slice(8, 20));
    // Reloading changes nothing: the count comes from the review log.
    expect(await getReviewSummary(user.id, later(2 * MINUTE))).toMatchObject({
      due: 12,
      introducedToday: 8,
      leftToday: 12,
      waiting: estimation.length - 20,
    });
    // Eleven minutes later the 8 are due again (all at once, so by id), and come before the new cards.
    expect(await listDueCardIds(user.id, later(11 * MINUTE), 500)).toEqual([
      ...estimation.slice(0, 8).sort(),
      ...estimation.slice(8, 20),
    ]);
    await rateGood(user.id, estimation.slice(8, 20), later(12 * MINUTE));
    expect(await getReviewSummary(user.id, later(13 * MINUTE))).toMatchObject({
      leftToday: 0,
      introducedToday: 20,
      waiting: estimation.length - 20,
    });
    expect(
      (await listDueCardIds(user.id, later(13 * MINUTE), 500)).filter((id) => estimation.indexOf(id) >= 20),
    ).toEqual([]);
  });

  test("the next day (the learner's day, not UTC's) brings the next 20", async () => {
    const user = await makeUser();
    await updateSettings(user.id, { timeZone: "America/New_York", dayStartHour: 4 });
    const estimation = courseOrder("estimation");
    await addModuleCards(user.id, "estimation", now);
    // 10:00 UTC is 06:00 in New York (EDT): the learner's 1 April.
    await rateGood(user.id, estimation.slice(0, 20), now);
    // 03:30 New York time on 2 April is still the learner's 1 April (the day starts at 4 am): nothing new.
    const beforeDayStart = new Date("2026-04-02T07:30:00Z");
    expect(await getReviewSummary(user.id, beforeDayStart)).toMatchObject({ introducedToday: 20, leftToday: 0 });
    // 04:00 New York time starts the learner's 2 April: the next 20, after the reviews that are due.
    const dayStart = new Date("2026-04-02T08:00:00Z");
    expect(await getReviewSummary(user.id, dayStart)).toMatchObject({ introducedToday: 0, leftToday: 20 });
    const queue = await listDueCardIds(user.id, dayStart, 500);
    expect(queue.slice(-20)).toEqual(estimation.slice(20, 40));
  });

  test("an undone first rating gives the card back to today's allowance", async () => {
    const user = await makeUser();
    const estimation = courseOrder("estimation");
    await addModuleCards(user.id, "estimation", now);
    await rateGood(user.id, estimation.slice(0, 2), now);
    await rateGood(user.id, estimation.slice(2, 3), later(1));
    expect(await getReviewSummary(user.id, later(1))).toMatchObject({ introducedToday: 3, leftToday: 17 });
    await undoLastReview(user.id, randomUUID(), later(2));
    expect(await getReviewSummary(user.id, later(3))).toMatchObject({ introducedToday: 2, leftToday: 18 });
    expect((await listDueCardIds(user.id, later(3), 500))[0]).toBe(estimation[2]);
  });

  test("the progress forecast counts today's new cards, not every card added", async () => {
    const user = await makeUser();
    await addModuleCards(user.id, "estimation", now);
    const { forecast, streak } = await getDashboard(user.id, now);
    expect(forecast[0]).toEqual({ day: "2026-04-01", count: 20 });
    expect(forecast.slice(1).every((day) => day.count === 0)).toBe(true);
    expect(streak).toBe(0);
  });

  test.each([
    { label: "5 a day", perDay: 5, served: 5 },
    { label: "none a day", perDay: 0, served: 0 },
    { label: "200 a day (the most), more than the module has", perDay: 200, served: courseOrder("estimation").length },
  ])("the learner's setting changes the limit: $label", async ({ perDay, served }) => {
    const user = await makeUser();
    await updateSettings(user.id, { newCardsPerDay: perDay });
    await addModuleCards(user.id, "estimation", now);
    expect(await listDueCardIds(user.id, now, 500)).toEqual(courseOrder("estimation").slice(0, served));
  });

  test.each([
    { label: "below zero", value: -1 },
    { label: "over 200", value: 201 },
    { label: "not a whole number", value: 2.5 },
    { label: "not a number", value: null },
  ])("a new-cards-per-day setting $label is refused with a message", ({ value }) => {
    const parsed = settingsUpdateSchema.safeParse({ newCardsPerDay: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/New cards per day is (a whole number from 0 to 200|at most 200)/);
  });
});

describe("when cards join the deck", () => {
  test("opening (starting) a lesson adds no cards; completing it adds them", async () => {
    const user = await makeUser();
    const lessonCards = listPublishedCards().filter((card) => card.lessonId === "numbers-to-know");
    expect(lessonCards.length).toBeGreaterThan(10);
    expect(await recordLessonEvent(user.id, "numbers-to-know", "started", now)).toMatchObject({
      ok: true,
      cardsAdded: 0,
    });
    expect(await listDeck(user.id)).toEqual([]);
    expect(await recordLessonEvent(user.id, "numbers-to-know", "completed", later(1))).toMatchObject({
      ok: true,
      cardsAdded: lessonCards.length,
    });
    expect((await listDeck(user.id)).map((card) => card.cardId).sort()).toEqual(
      lessonCards.map((card) => card.id).sort(),
    );
    expect(await recordLessonEvent(user.id, "numbers-to-know", "completed", later(2))).toMatchObject({
      ok: true,
      cardsAdded: 0,
    });
  });

  test("a lesson that does not exist is refused", async () => {
    const user = await makeUser();
    expect(await recordLessonEvent(user.id, "no-such-lesson", "started", now)).toEqual({
      ok: false,
      reason: "invalid",
      message: 'There is no lesson "no-such-lesson".',
    });
  });

  test("a written case's cards are added with its module, and a module's cards are its published lessons'", async () => {
    const user = await makeUser();
    const cases = new Set(listCaseEntries().map((entry) => entry.id));
    const caseCards = [...listCards().values()].filter((card) => cases.has(card.lessonId));
    expect(caseCards.length).toBeGreaterThan(0);
    expect(await addModuleCards(user.id, "case-studies", now)).toBe(caseCards.length);
    expect(await addModuleCards(user.id, "building-blocks", now)).toBe(courseOrder("building-blocks").length);
  });
});

describe("missed estimation steps", () => {
  const exerciseId = "numbers-image-api-gbps";
  const exercise = getExercise(exerciseId);
  if (!exercise) throw new Error("exercise missing");
  // bytesOut in the wrong dimension (a size for a rate), bitsOut and nics unreadable.
  const graded = gradeExercise(buildExercise(exercise.spec, 0), {
    bytesOut: "5 GB",
    bitsOut: "lots",
    nics: "some",
  }).steps;

  test("an unreadable answer makes no card; an answer in the wrong dimension does", async () => {
    expect(graded.map((step) => step.verdict)).toEqual(["wrong-dimension", "unreadable", "unreadable"]);
    const user = await makeUser();
    expect(await flagMissedSteps(user.id, exerciseId, graded, now)).toEqual([stepCardId(exerciseId, "bytesOut")]);
    expect((await listDeck(user.id)).map((card) => card.cardId)).toEqual([stepCardId(exerciseId, "bytesOut")]);
  });

  test("stay first in the queue, due at once, outside the new-card limit", async () => {
    const user = await makeUser();
    await updateSettings(user.id, { newCardsPerDay: 3 });
    await addModuleCards(user.id, "estimation", now);
    await rateGood(user.id, courseOrder("estimation").slice(0, 3), now);
    await flagMissedSteps(user.id, exerciseId, graded, later(MINUTE));
    expect(await listDueCardIds(user.id, later(MINUTE), 500)).toEqual([stepCardId(exerciseId, "bytesOut")]);
    expect(await getReviewSummary(user.id, later(MINUTE))).toMatchObject({ due: 1, reviewsDue: 1, leftToday: 0 });
  });
});
