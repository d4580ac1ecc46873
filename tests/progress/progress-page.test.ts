import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { z } from "zod";
import { lessonOfExercise, listDrills } from "@/lib/content";
import {
  addModuleCards,
  disconnectDb,
  getDashboard,
  getProgressPage,
  getReadiness,
  listCaseResults,
  listDueCardIds,
  listWeakSkills,
  reviewCard,
  updateSettings,
} from "@/lib/progress";
import { currentStreak, dayKey } from "@/lib/srs";
import { disconnectTestDb, testDb } from "../helpers/db";
import { missDrillFirstStep } from "../helpers/drills";
import { makeUser } from "../helpers/users";
import { daysBefore } from "../helpers/clock";

// The progress page reads the rows its panels share once; what it shows must be what the separate reads give.

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-06-20T15:00:00Z");
const daysAgo = daysBefore(now);

/**
 * Twelve days of work in Berlin: a module's cards added, reviews on most days (none five days ago, with cards
 * waiting) and a missed drill step each day.
 */
async function learnerWithHistory(interviewDay: string | null): Promise<string> {
  const user = await makeUser();
  await updateSettings(
    user.id,
    { timeZone: "Europe/Berlin", dayStartHour: 4, newCardsPerDay: 6, interviewDay, minutesPerDay: 45 },
    daysAgo(12),
  );
  await addModuleCards(user.id, "estimation", daysAgo(12));
  const drills = listDrills().filter((drill) => !drill.calibration);
  for (let day = 11; day >= 1; day--) {
    const drill = drills[day % drills.length];
    if (drill) await missDrillFirstStep(user.id, drill.id, daysAgo(day, -2));
    if (day === 5) continue;
    const due = await listDueCardIds(user.id, daysAgo(day), 20);
    for (const [index, cardId] of due.entries()) {
      if (cardId.startsWith("step:")) continue;
      await reviewCard(
        user.id,
        { clientId: randomUUID(), cardId, rating: index % 4 === 0 ? 1 : 3, durationMs: 5000 },
        daysAgo(day, index / 10),
      );
    }
  }
  return user.id;
}

test.each([
  { label: "with an interview date", interviewDay: "2026-07-10" },
  { label: "without a date", interviewDay: null },
])("the progress page's reads give what the separate reads give, $label", async ({ interviewDay }) => {
  const userId = await learnerWithHistory(interviewDay);
  const page = await getProgressPage(userId, now);
  expect(page.dashboard).toEqual(await getDashboard(userId, now));
  expect(page.weakest.map(({ lessonIds: _lessonIds, ...skill }) => skill)).toEqual(await listWeakSkills(userId));
  for (const skill of page.weakest)
    expect(skill.lessonIds).toEqual(skill.exerciseIds.flatMap((id) => lessonOfExercise(id) ?? []));
  expect(page.caseResults).toEqual(await listCaseResults(userId));
  expect(page.readiness).toEqual(await getReadiness(userId, now));
  expect(page.readiness === null).toBe(interviewDay === null);
  expect(page.weakest.length).toBeGreaterThan(0);
});

test("the streak is the one every review and every overdue card give", async () => {
  const userId = await learnerWithHistory(null);
  const options = { timeZone: "Europe/Berlin", dayStartHour: 4 };
  const logs = await testDb().reviewLog.findMany({ where: { userId, kind: "rating" } });
  const reviews = logs.map((log) => ({
    reviewedAt: log.reviewedAt,
    dueBefore: z.object({ due: z.coerce.date() }).parse(log.before).due,
  }));
  const cards = await testDb().reviewCard.findMany({ where: { userId } });
  const overdue = cards
    .filter((card) => !(card.kind === "fact" && card.state === "new") && card.due <= now)
    .map((card) => card.due);
  const { dashboard } = await getProgressPage(userId, now);
  // The new cards today still allows count as due now.
  const expected = currentStreak(reviews, [...overdue, now], dayKey(now, options.timeZone, 4), options);
  expect(dashboard.streak).toBe(expected);
  expect(expected).toBeGreaterThan(0);
  expect(overdue.length).toBeGreaterThan(1);
});
