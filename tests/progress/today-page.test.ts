import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { listDrills, listLessons } from "@/lib/content";
import {
  addModuleCards,
  disconnectDb,
  getHomeSummary,
  getSettings,
  getTodayPage,
  getTodayPlan,
  listDueCardIds,
  markLessonCompleted,
  markLessonStarted,
  reviewCard,
  updateSettings,
} from "@/lib/progress";
import { disconnectTestDb } from "../helpers/db";
import { missDrillFirstStep } from "../helpers/drills";
import { makeUser } from "../helpers/users";
import { daysBefore } from "../helpers/clock";

// The today page reads the rows its parts share once; what it shows must be what the separate reads give.

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-09-14T11:00:00Z");
const daysAgo = daysBefore(now);

test("a new account: the page's reads say it is new, as the home summary does", async () => {
  const user = await makeUser();
  const page = await getTodayPage(user.id, now);
  expect(page.summary).toEqual(await getHomeSummary(user.id, now));
  expect(page.summary.isNew).toBe(true);
  expect(page.settings).toEqual(await getSettings(user.id));
  expect(page.today).toEqual(await getTodayPlan(user.id, now));
});

test.each([
  { label: "with an interview date", interviewDay: "2026-10-05" },
  { label: "without a date", interviewDay: null },
])("a learner a week in, $label: the page's reads give what the separate reads give", async ({ interviewDay }) => {
  const user = await makeUser();
  await updateSettings(user.id, { interviewDay, minutesPerDay: 40, onboarded: true }, daysAgo(8));
  await addModuleCards(user.id, "estimation", daysAgo(8));
  const [first, second] = listLessons();
  if (!first || !second) throw new Error("the course has fewer than two lessons");
  await markLessonCompleted(user.id, first.id, daysAgo(6));
  await markLessonStarted(user.id, second.id, daysAgo(1));
  const drills = listDrills().filter((drill) => !drill.calibration);
  for (let day = 7; day >= 0; day--) {
    const drill = drills[day % drills.length];
    if (drill) await missDrillFirstStep(user.id, drill.id, daysAgo(day, -1));
    const due = await listDueCardIds(user.id, daysAgo(day), 12);
    for (const cardId of due.filter((id) => !id.startsWith("step:")))
      await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 5000 }, daysAgo(day));
  }
  const page = await getTodayPage(user.id, now);
  expect(page.summary).toEqual(await getHomeSummary(user.id, now));
  expect(page.settings).toEqual(await getSettings(user.id));
  expect(page.today).toEqual(await getTodayPlan(user.id, now));
  // A plan for today, a lesson to resume, and cards waiting: every part of the page has something to show.
  expect(page.today.items.length).toBeGreaterThan(0);
  expect(page.summary.resume).not.toBeNull();
  expect(page.summary.dueNow).toBeGreaterThan(0);
});
