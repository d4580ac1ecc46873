import { afterAll, describe, expect, test } from "vitest";
import { listCurriculum, listLessons } from "@/lib/content";
import { addLessonCards, disconnectDb, getHomeSummary, markLessonCompleted, markLessonStarted } from "@/lib/progress";
import { missDrillFirstStep } from "../helpers/drills";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
});

const t0 = new Date("2026-07-01T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/** The written lessons in curriculum order, as the home page offers them. */
const written = listCurriculum().filter((entry) => listLessons().some((lesson) => lesson.id === entry.id));
const lessonAt = (i: number) => written[i]?.id ?? "";

describe("getHomeSummary", () => {
  test("a brand-new account: start with lesson 1 and a first drill, nothing to resume or review", async () => {
    const user = await makeUser();
    const summary = await getHomeSummary(user.id, t0);
    expect(summary).toMatchObject({ isNew: true, resume: null, dueNow: 0 });
    expect(summary.firstLesson?.id).toBe(lessonAt(0));
    expect(summary.firstLesson?.order).toBe(1);
    expect(summary.firstDrill?.id).toBe("drill-dau-to-peak-qps");
    expect(summary.nextLesson?.id).toBe(lessonAt(0));
  });

  test.each([
    {
      label: "a lesson started and not finished is the one to resume; the next lesson is the first other one not done",
      setup: async (userId: string) => {
        await markLessonCompleted(userId, lessonAt(0), minutes(1));
        await markLessonStarted(userId, lessonAt(1), minutes(2));
      },
      resume: { kind: "lesson", id: () => lessonAt(1) },
      next: () => lessonAt(2),
    },
    {
      label: "of two lessons started, the later one",
      setup: async (userId: string) => {
        await markLessonStarted(userId, lessonAt(2), minutes(1));
        await markLessonStarted(userId, lessonAt(1), minutes(5));
      },
      resume: { kind: "lesson", id: () => lessonAt(1) },
      next: () => lessonAt(0),
    },
    {
      label: "a drill run after the lesson was opened wins",
      setup: async (userId: string) => {
        await markLessonStarted(userId, lessonAt(1), minutes(1));
        await missDrillFirstStep(userId, "drill-bandwidth-bits-and-bytes", minutes(3));
      },
      resume: { kind: "drill", id: () => "drill-bandwidth-bits-and-bytes" },
      next: () => lessonAt(0),
    },
    {
      label: "completed lessons are not resumed: the last drill run is",
      setup: async (userId: string) => {
        await missDrillFirstStep(userId, "drill-dau-to-peak-qps", minutes(1));
        await markLessonCompleted(userId, lessonAt(0), minutes(2));
      },
      resume: { kind: "drill", id: () => "drill-dau-to-peak-qps" },
      next: () => lessonAt(1),
    },
  ])("$label", async ({ setup, resume, next }) => {
    const user = await makeUser();
    await setup(user.id);
    const summary = await getHomeSummary(user.id, minutes(10));
    expect(summary.isNew).toBe(false);
    expect(summary.resume?.kind).toBe(resume.kind);
    const resumed = summary.resume?.kind === "lesson" ? summary.resume.lesson.id : summary.resume?.drill.id;
    expect(resumed).toBe(resume.id());
    expect(summary.nextLesson?.id).toBe(next());
  });

  test("reviews due now are counted, and only this learner's", async () => {
    const user = await makeUser();
    const other = await makeUser();
    await addLessonCards(user.id, lessonAt(1), t0);
    await addLessonCards(other.id, lessonAt(1), t0);
    const summary = await getHomeSummary(user.id, minutes(1));
    expect(summary.isNew).toBe(false);
    expect(summary.dueNow).toBeGreaterThan(0);
    const fresh = await makeUser();
    expect((await getHomeSummary(fresh.id, minutes(1))).dueNow).toBe(0);
  });

  test("with every written lesson completed there is no next lesson", async () => {
    const user = await makeUser();
    for (const entry of written) await markLessonCompleted(user.id, entry.id, t0);
    expect((await getHomeSummary(user.id, minutes(1))).nextLesson).toBeNull();
  });
});
