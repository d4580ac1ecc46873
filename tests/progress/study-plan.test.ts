import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { listCards, listLessons } from "@/lib/content";
import {
  addCardsToDeck,
  disconnectDb,
  getCardState,
  getReadiness,
  getTodayPlan,
  listDueCardIds,
  markLessonCompleted,
  reviewCard,
  settingsUpdateSchema,
  updateSettings,
  type TodayPlan,
} from "@/lib/progress";
import { dayStartInstant } from "@/lib/srs";
import { disconnectTestDb, testDb } from "../helpers/db";
import { missDrillFirstStep } from "../helpers/drills";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const DAY = 86_400_000;
/** Monday 4 May 2026, 10:00 UTC: the learner's day is 2026-05-04 (UTC, days starting at 4 am). */
const t0 = new Date("2026-05-04T10:00:00Z");
const at = (days: number, hours = 0) => new Date(t0.getTime() + days * DAY + hours * 3_600_000);
const INTERVIEW = "2026-05-25";

const lessonItems = (plan: TodayPlan) =>
  plan.items.flatMap((entry) => (entry.item.kind === "lesson" ? [{ id: entry.item.lessonId, done: entry.done }] : []));
const drillItems = (plan: TodayPlan) =>
  plan.items.flatMap((entry) => (entry.item.kind === "drill" ? [entry.item.drillId] : []));

async function learnerWithDate(minutesPerDay = 30) {
  const user = await makeUser("plan");
  const result = await updateSettings(user.id, { interviewDay: INTERVIEW, minutesPerDay }, t0);
  expect(result.ok).toBe(true);
  return user;
}

/** A flashcard in review, last seen `sinceDays` ago with `stabilityDays` of stability, due at `due`. */
async function reviewedCard(userId: string, due: Date, stabilityDays = 60) {
  const cardId = [...listCards().keys()][0];
  if (!cardId) throw new Error("no cards in content");
  await addCardsToDeck(userId, [cardId], at(-90));
  await testDb().reviewCard.update({
    where: { userId_cardId: { userId, cardId } },
    data: {
      state: "review",
      stability: stabilityDays,
      difficulty: 5,
      scheduledDays: stabilityDays,
      reps: 4,
      lastReview: new Date(due.getTime() - stabilityDays * DAY),
      due,
    },
  });
  return cardId;
}

describe("today's plan", () => {
  test("a new learner three weeks out: 21 days, lesson 1 today with drills, a final pass on the eve", async () => {
    const user = await learnerWithDate();
    const today = await getTodayPlan(user.id, t0);
    expect(today.today).toBe("2026-05-04");
    expect(today.plan.days).toHaveLength(21);
    expect(today.plan.days.at(-1)).toMatchObject({ day: "2026-05-24", final: true });
    const first = listLessons().find((lesson) => lesson.order === 1);
    expect(lessonItems(today)).toEqual([{ id: first?.id, done: false }]);
    expect(drillItems(today).length).toBeGreaterThanOrEqual(2);
    expect(today.minutesDone).toBe(0);
    expect(today.minutesPlanned).toBeGreaterThan(0);
  });

  test("finishing today's lesson ticks it off without pulling tomorrow's forward; tomorrow plans the next", async () => {
    const user = await learnerWithDate();
    const before = await getTodayPlan(user.id, t0);
    const [lesson] = lessonItems(before);
    if (!lesson) throw new Error("expected a lesson today");
    await markLessonCompleted(user.id, lesson.id, at(0, 1));

    const after = await getTodayPlan(user.id, at(0, 2));
    expect(lessonItems(after)).toEqual([{ id: lesson.id, done: true }]);
    const lessonMinutes = after.items.find((entry) => entry.item.kind === "lesson")?.item.minutes ?? 0;
    expect(after.minutesDone).toBe(lessonMinutes);

    const tomorrow = await getTodayPlan(user.id, at(1));
    expect(tomorrow.today).toBe("2026-05-05");
    const next = lessonItems(tomorrow);
    expect(next.length).toBeGreaterThan(0);
    expect(next.map((item) => item.id)).not.toContain(lesson.id);
    expect(tomorrow.plan.days).toHaveLength(20);
  });

  test("a day missed moves the plan along: the undone lesson comes first the next day, and no day is overfull", async () => {
    const user = await learnerWithDate();
    const monday = await getTodayPlan(user.id, t0);
    const tuesday = await getTodayPlan(user.id, at(1));
    expect(lessonItems(tuesday)[0]?.id).toBe(lessonItems(monday)[0]?.id);
    for (const day of tuesday.plan.days) {
      const learning = day.items.filter((item) => item.kind === "lesson" || item.kind === "case");
      if (day.minutes > 30) expect(learning.length).toBeLessThanOrEqual(1);
    }
  });

  test("a drill missed today is marked done today and leads tomorrow's drills", async () => {
    const user = await learnerWithDate();
    const missed = "drill-server-count-headroom-regions";
    await missDrillFirstStep(user.id, missed, at(0, 1));
    const today = await getTodayPlan(user.id, at(0, 2));
    // Today's drills were chosen at the start of the day, before the miss.
    expect(drillItems(today)).toEqual(drillItems(await getTodayPlan(user.id, t0)));
    const tomorrow = await getTodayPlan(user.id, at(1));
    expect(drillItems(tomorrow)[0]).toBe(missed);
  });

  test("cards rated today count toward today's reviews", async () => {
    const user = await learnerWithDate();
    const cardId = await reviewedCard(user.id, at(0, -1));
    const before = await getTodayPlan(user.id, t0);
    expect(before.items.find((entry) => entry.item.kind === "reviews")).toMatchObject({
      done: false,
      item: { count: 1 },
    });
    // Forgotten: it comes back in ten minutes, still today, and still counts once.
    const rated = await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 1, durationMs: 3000 }, at(0, 1));
    expect(rated.ok).toBe(true);
    const after = await getTodayPlan(user.id, at(0, 2));
    expect(after.items.find((entry) => entry.item.kind === "reviews")).toMatchObject({
      done: true,
      item: { count: 1 },
    });
  });
});

describe("plan settings", () => {
  test("the interview day must be today or later and within two years; a malformed day does not parse", async () => {
    const user = await makeUser("plan");
    expect(await updateSettings(user.id, { interviewDay: "2026-05-03" }, t0)).toMatchObject({
      ok: false,
      field: "interviewDay",
      message: expect.stringMatching(/has passed/),
    });
    expect(await updateSettings(user.id, { interviewDay: "2029-01-01" }, t0)).toMatchObject({ ok: false });
    expect(await updateSettings(user.id, { interviewDay: "2026-05-04" }, t0)).toMatchObject({
      ok: true,
      settings: { interviewDay: "2026-05-04" },
    });
    expect(await updateSettings(user.id, { interviewDay: null, minutesPerDay: 45 }, t0)).toMatchObject({
      ok: true,
      settings: { interviewDay: null, minutesPerDay: 45, onboarded: false },
    });
    for (const interviewDay of ["2026-02-30", "tomorrow", "2026-5-4", "2026-05-04T00:00:00Z"])
      expect(settingsUpdateSchema.safeParse({ interviewDay }).success, interviewDay).toBe(false);
    for (const minutesPerDay of [5, 241, 30.5, Number.NaN])
      expect(settingsUpdateSchema.safeParse({ minutesPerDay }).success, String(minutesPerDay)).toBe(false);
    expect(settingsUpdateSchema.safeParse({ onboarded: false }).success).toBe(false);
    expect((await updateSettings(user.id, { onboarded: true }, t0)).ok).toBe(true);
    expect(await testDb().userSettings.findUnique({ where: { userId: user.id } })).toMatchObject({
      onboardedAt: t0,
    });
  });
});

describe("reviews aim at the interview day", () => {
  test("with a date, a rating never schedules a card past the eve of the interview; without one it may", async () => {
    const withDate = await learnerWithDate();
    const cardId = await reviewedCard(withDate.id, t0);
    const rated = await reviewCard(withDate.id, { clientId: randomUUID(), cardId, rating: 4, durationMs: 3000 }, t0);
    expect(rated.ok).toBe(true);
    const eve = new Date(dayStartInstant(INTERVIEW, "UTC", 4).getTime() - DAY);
    expect((await getCardState(withDate.id, cardId))?.due.getTime()).toBeLessThanOrEqual(eve.getTime());

    const noDate = await makeUser("plan");
    const other = await reviewedCard(noDate.id, t0);
    await reviewCard(noDate.id, { clientId: randomUUID(), cardId: other, rating: 4, durationMs: 3000 }, t0);
    expect((await getCardState(noDate.id, other))?.due.getTime()).toBeGreaterThan(eve.getTime());
  });

  test("on the eve of the interview the final pass brings the cards due in the week after it", async () => {
    const user = await learnerWithDate();
    const cardId = await reviewedCard(user.id, new Date("2026-05-28T12:00:00Z"));
    const twoDaysBefore = new Date("2026-05-23T12:00:00Z");
    const eve = new Date("2026-05-24T12:00:00Z");
    expect(await listDueCardIds(user.id, twoDaysBefore)).not.toContain(cardId);
    expect(
      await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 3000 }, twoDaysBefore),
    ).toMatchObject({ ok: false, message: "That card is not due yet." });
    expect(await listDueCardIds(user.id, eve)).toContain(cardId);
    const plan = await getTodayPlan(user.id, eve);
    expect(plan.plan.days[0]?.final).toBe(true);
    expect(plan.items.some((entry) => entry.item.kind === "final-review" && entry.item.count === 1)).toBe(true);
    expect((await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 3000 }, eve)).ok).toBe(
      true,
    );
  });
});

describe("ready by the date?", () => {
  test("nothing without a date; with one, coverage by the date and the recall projected to the day", async () => {
    const noDate = await makeUser("plan");
    expect(await getReadiness(noDate.id, t0)).toBeNull();

    const user = await learnerWithDate(60);
    const empty = await getReadiness(user.id, t0);
    expect(empty).toMatchObject({
      interviewDay: INTERVIEW,
      lessons: { done: 0, total: listLessons().length },
      recall: { average: null, learned: 0 },
    });
    expect(empty?.lessons.byTheDate).toBeGreaterThan(0);
    expect(empty?.lessons.byTheDate).toBeLessThanOrEqual(listLessons().length);

    await reviewedCard(user.id, at(2), 10);
    const ready = await getReadiness(user.id, t0);
    // Reviewed 8 days ago with 10 days of stability, seen next on 25 May: recall has fallen well below 90 %.
    expect(ready?.recall.learned).toBe(1);
    expect(ready?.recall.average).toBeGreaterThan(0.3);
    expect(ready?.recall.average).toBeLessThan(0.9);
  });
});
