import { describe, expect, test } from "vitest";
import { planStudy, type LearnerPlanState, type Plan } from "@/lib/plan";
import { addDays } from "@/lib/srs";
import { catalogue, input, newLearner, summarise } from "./fixtures";

const allSteps = ["requirements", "estimation", "design", "deepDive", "wrapUp"];

/** A learner a few days in: est-1 done, four skills answered, seven cards in review. */
const midway: LearnerPlanState = {
  completedLessons: ["est-1"],
  caseStepsDone: {},
  skills: [
    { skill: "peak QPS", answered: 10, closeOrBetter: 4, lastMissDay: "2026-05-02" },
    { skill: "storage", answered: 5, closeOrBetter: 2, lastMissDay: "2026-05-03" },
    { skill: "server count", answered: 6, closeOrBetter: 6, lastMissDay: null },
    { skill: "cache latency", answered: 4, closeOrBetter: 3, lastMissDay: "2026-04-20" },
  ],
  cardDueDays: ["2026-05-01", "2026-05-04", "2026-05-04", "2026-05-06", "2026-05-20", "2026-05-27", "2026-06-30"],
};

/** Every day stays within its minutes, unless one lesson or case alone is longer than what the day has left. */
function expectNoPiling(plan: Plan, minutesPerDay: number) {
  for (const day of plan.days) {
    const learning = day.items.filter((item) => item.kind === "lesson" || item.kind === "case");
    if (day.minutes > minutesPerDay)
      expect({ day: day.day, learning: learning.length }).toEqual({ day: day.day, learning: 1 });
  }
}

describe("planStudy: golden plans", () => {
  test("a typical three-week plan: lessons first, timed cases in the last days, then a final pass", () => {
    const plan = planStudy(input({ learner: midway, interviewDay: "2026-05-25" }));
    expect(summarise(plan)).toEqual([
      // Storage and peak QPS are weakest (40 % close or better); storage's miss is more recent, so it leads.
      "2026-05-04 46m: reviews 3 · lesson est-2 · lesson est-3 · drill d-storage · drill d-qps · drill d-cache",
      "2026-05-05 54m: lesson bb-1 · lesson bb-2 · drill d-servers · drill d-storage · drill d-qps",
      "2026-05-06 40m: reviews 1 · lesson bb-3 · lesson cs-intro · drill d-cache · drill d-servers · drill d-storage",
      "2026-05-07 9m: drill d-qps · drill d-cache · drill d-servers",
      "2026-05-08 9m: drill d-storage · drill d-qps · drill d-cache",
      "2026-05-09 9m: drill d-servers · drill d-storage · drill d-qps",
      "2026-05-10 9m: drill d-cache · drill d-servers · drill d-storage",
      "2026-05-11 9m: drill d-qps · drill d-cache · drill d-servers",
      "2026-05-12 9m: drill d-storage · drill d-qps · drill d-cache",
      "2026-05-13 9m: drill d-servers · drill d-storage · drill d-qps",
      "2026-05-14 9m: drill d-cache · drill d-servers · drill d-storage",
      "2026-05-15 9m: drill d-qps · drill d-cache · drill d-servers",
      "2026-05-16 9m: drill d-storage · drill d-qps · drill d-cache",
      "2026-05-17 9m: drill d-servers · drill d-storage · drill d-qps",
      "2026-05-18 9m: drill d-cache · drill d-servers · drill d-storage",
      "2026-05-19 9m: drill d-qps · drill d-cache · drill d-servers",
      "2026-05-20 10m: reviews 1 · drill d-storage · drill d-qps · drill d-cache",
      "2026-05-21 9m: drill d-servers · drill d-storage · drill d-qps",
      "2026-05-22 49m: timed case case-a · drill d-cache · drill d-servers · drill d-storage",
      "2026-05-23 49m: timed case case-b · drill d-qps · drill d-cache · drill d-servers",
      // The card due 2026-05-27 (within a week of the interview) is reviewed in the final pass; 2026-06-30's is not.
      "2026-05-24 10m final: final pass 1 · drill d-storage · drill d-qps · drill d-cache",
    ]);
    expect(plan).toMatchObject({
      status: "on-track",
      interviewDay: "2026-05-25",
      finishes: "2026-05-23",
      dropped: { lessons: [], cases: [] },
      message:
        "Your interview is in 21 days: everything fits, the last lesson or case on 2026-05-23, then reviews and a final pass.",
    });
    expect(plan.days[0]?.items).toEqual([
      { kind: "reviews", count: 3, deferred: 0, minutes: 2 },
      { kind: "lesson", lessonId: "est-2", module: "estimation", minutes: 20 },
      { kind: "lesson", lessonId: "est-3", module: "estimation", minutes: 15 },
      { kind: "drill", drillId: "d-storage", skill: "storage", minutes: 3 },
      { kind: "drill", drillId: "d-qps", skill: "peak QPS", minutes: 3 },
      { kind: "drill", drillId: "d-cache", skill: "cache latency", minutes: 3 },
    ]);
    expect(plan.days.at(-2)?.items[0]).toEqual({
      kind: "case",
      caseId: "case-b",
      steps: allSteps,
      timed: true,
      minutes: 40,
    });
    expectNoPiling(plan, 60);
  });

  test("the interview is tomorrow: today is reviews and a final pass, and the plan says what it dropped", () => {
    const plan = planStudy(input({ learner: midway, interviewDay: "2026-05-05" }));
    expect(summarise(plan)).toEqual([
      "2026-05-04 12m final: reviews 3 · final pass 1 · drill d-storage · drill d-qps · drill d-cache",
    ]);
    expect(plan).toMatchObject({
      status: "too-close",
      finishes: null,
      dropped: {
        lessons: ["est-2", "est-3", "bb-1", "bb-2", "bb-3", "cs-intro"],
        cases: [
          { caseId: "case-a", steps: allSteps },
          { caseId: "case-b", steps: allSteps },
        ],
      },
      message:
        "Your interview is tomorrow: there is no time for new lessons, so the plan is reviews and a final pass, and drops 6 lessons and 2 cases (listed below).",
    });
  });

  test("five days out: the lessons in order, one timed case on the last learning day, the other case dropped", () => {
    const plan = planStudy(input({ interviewDay: "2026-05-09" }));
    expect(summarise(plan)).toEqual([
      "2026-05-04 59m: lesson est-1 · lesson est-2 · lesson est-3 · drill d-qps · drill d-storage · drill d-servers",
      "2026-05-05 54m: lesson bb-1 · lesson bb-2 · drill d-cache · drill d-qps · drill d-storage",
      "2026-05-06 39m: lesson bb-3 · lesson cs-intro · drill d-servers · drill d-cache · drill d-qps",
      "2026-05-07 49m: timed case case-a · drill d-storage · drill d-servers · drill d-cache",
      "2026-05-08 9m final: drill d-qps · drill d-storage · drill d-servers",
    ]);
    expect(plan.status).toBe("too-close");
    expect(plan.dropped).toEqual({ lessons: [], cases: [{ caseId: "case-b", steps: allSteps }] });
    expect(plan.message).toBe(
      "Your interview is in 5 days: not everything fits at 60 minutes a day. The plan keeps the lessons in order (estimation first, building blocks next, then a timed case) and drops 1 case (listed below).",
    );
  });

  test("three days out at 30 minutes a day: the first lesson, then as much of a case as the last learning day holds", () => {
    const plan = planStudy(input({ interviewDay: "2026-05-07", minutesPerDay: 30 }));
    expect(summarise(plan)).toEqual([
      // 30 − two drills = 24 minutes to learn: est-1 (15), and est-2 (20) no longer fits.
      "2026-05-04 24m: lesson est-1 · drill d-qps · drill d-storage · drill d-servers",
      // The last learning day is kept for a case; a 40-minute case does not fit 24 minutes, so it is done by stages.
      "2026-05-05 22m: case case-a: requirements, estimation · drill d-cache · drill d-qps · drill d-storage",
      "2026-05-06 9m final: drill d-servers · drill d-cache · drill d-qps",
    ]);
    expect(plan.dropped).toEqual({
      lessons: ["est-2", "est-3", "bb-1", "bb-2", "bb-3", "cs-intro"],
      cases: [
        { caseId: "case-a", steps: ["design", "deepDive", "wrapUp"] },
        { caseId: "case-b", steps: allSteps },
      ],
    });
    expectNoPiling(plan, 30);
  });

  test("the interview in a year: lessons in the first days, the cases just before the final day", () => {
    const plan = planStudy(input({ learner: midway, interviewDay: "2027-05-04" }));
    const lines = summarise(plan);
    expect(plan.days).toHaveLength(365);
    expect(lines.slice(0, 3)).toEqual([
      "2026-05-04 46m: reviews 3 · lesson est-2 · lesson est-3 · drill d-storage · drill d-qps · drill d-cache",
      "2026-05-05 54m: lesson bb-1 · lesson bb-2 · drill d-servers · drill d-storage · drill d-qps",
      "2026-05-06 40m: reviews 1 · lesson bb-3 · lesson cs-intro · drill d-cache · drill d-servers · drill d-storage",
    ]);
    expect(lines.slice(-3)).toEqual([
      "2027-05-01 49m: timed case case-a · drill d-cache · drill d-servers · drill d-storage",
      "2027-05-02 49m: timed case case-b · drill d-qps · drill d-cache · drill d-servers",
      "2027-05-03 9m final: drill d-storage · drill d-qps · drill d-cache",
    ]);
    // Between them, reviews and drills only.
    const newWork = plan.days.filter((day) => day.items.some((item) => item.kind === "lesson" || item.kind === "case"));
    expect(newWork.map((day) => day.day)).toEqual([
      "2026-05-04",
      "2026-05-05",
      "2026-05-06",
      "2027-05-01",
      "2027-05-02",
    ]);
    expect(plan).toMatchObject({ status: "on-track", finishes: "2027-05-02", dropped: { lessons: [], cases: [] } });
  });

  test("nothing left: every lesson and case step done; reviews and drills until the date", () => {
    const done: LearnerPlanState = {
      ...midway,
      completedLessons: catalogue.lessons.map((lesson) => lesson.id),
      caseStepsDone: { "case-a": allSteps, "case-b": allSteps },
    };
    const plan = planStudy(input({ learner: done, interviewDay: "2026-05-08" }));
    expect(summarise(plan)).toEqual([
      "2026-05-04 11m: reviews 3 · drill d-storage · drill d-qps · drill d-cache",
      "2026-05-05 9m: drill d-servers · drill d-storage · drill d-qps",
      "2026-05-06 10m: reviews 1 · drill d-cache · drill d-servers · drill d-storage",
      "2026-05-07 9m final: drill d-qps · drill d-cache · drill d-servers",
    ]);
    expect(plan).toMatchObject({
      status: "done",
      finishes: null,
      dropped: { lessons: [], cases: [] },
      message: "Every lesson and case is done: reviews and drills keep it fresh.",
    });
    // Without a date, just today.
    expect(summarise(planStudy(input({ learner: done })))).toEqual([
      "2026-05-04 11m: reviews 3 · drill d-storage · drill d-qps · drill d-cache",
    ]);
  });

  test("no date at all: everything in order at the learner's pace, as long as it takes", () => {
    const plan = planStudy(input({}));
    expect(summarise(plan)).toEqual([
      // A new learner has no results yet: drills of the catalogue's skills in its order (one drill per skill).
      "2026-05-04 59m: lesson est-1 · lesson est-2 · lesson est-3 · drill d-qps · drill d-storage · drill d-servers",
      "2026-05-05 54m: lesson bb-1 · lesson bb-2 · drill d-cache · drill d-qps · drill d-storage",
      "2026-05-06 39m: lesson bb-3 · lesson cs-intro · drill d-servers · drill d-cache · drill d-qps",
      "2026-05-07 49m: timed case case-a · drill d-storage · drill d-servers · drill d-cache",
      "2026-05-08 49m: timed case case-b · drill d-qps · drill d-storage · drill d-servers",
    ]);
    expect(plan).toMatchObject({
      status: "no-date",
      interviewDay: null,
      finishes: "2026-05-08",
      dropped: { lessons: [], cases: [] },
      message: "At 60 minutes a day, 7 lessons and 2 cases take until 2026-05-08.",
    });
  });

  test("a case half done: its remaining steps, not timed", () => {
    const learner = {
      ...newLearner,
      completedLessons: catalogue.lessons.map((l) => l.id),
      caseStepsDone: { "case-a": ["requirements", "estimation"] },
    };
    const plan = planStudy(input({ learner }));
    expect(plan.days[0]?.items[0]).toEqual({
      kind: "case",
      caseId: "case-a",
      steps: ["design", "deepDive", "wrapUp"],
      timed: false,
      minutes: 27,
    });
  });

  test.each([
    { label: "zero minutes a day", minutes: 0 },
    { label: "a negative number", minutes: -30 },
    { label: "not a number", minutes: Number.NaN },
  ])("$label still gives a plan: one lesson or case step a day", ({ minutes }) => {
    const plan = planStudy(input({ minutesPerDay: minutes }));
    // Seven lessons, then two cases of five steps, each step on a day of its own.
    expect(plan.days).toHaveLength(17);
    expect(
      plan.days.every((day) => day.items.filter((i) => i.kind === "lesson" || i.kind === "case").length === 1),
    ).toBe(true);
  });

  test("a case already started comes before a case not begun", () => {
    const learner = {
      ...newLearner,
      completedLessons: catalogue.lessons.map((l) => l.id),
      caseStepsDone: { "case-b": ["requirements"] },
    };
    expect(summarise(planStudy(input({ learner })))).toEqual([
      "2026-05-04 44m: case case-b: estimation, design, deepDive, wrapUp · drill d-qps · drill d-storage · drill d-servers",
      "2026-05-05 49m: timed case case-a · drill d-cache · drill d-qps · drill d-storage",
    ]);
  });

  test("an interview date already past is ignored and said so", () => {
    const plan = planStudy(input({ interviewDay: "2026-05-01" }));
    expect(plan.status).toBe("no-date");
    expect(plan.interviewDay).toBeNull();
    expect(plan.message).toMatch(/^Your interview date has passed\. /);
  });
});

describe("planStudy: a week of missed days", () => {
  // The learner planned on 2026-05-04 for 2026-05-18, then did nothing for a week; 150 cards came due meanwhile.
  const interviewDay = "2026-05-18";
  const weekOfDue = Array.from({ length: 150 }, (_, i) => addDays("2026-05-04", i % 7));
  const learner: LearnerPlanState = { ...newLearner, cardDueDays: [...weekOfDue, "2026-05-12", "2026-05-13"] };
  const before = planStudy(input({ learner: { ...learner, cardDueDays: [] }, interviewDay }));
  const after = planStudy(input({ learner, today: "2026-05-11", interviewDay }));

  test("the plan shifts: the lesson planned first a week ago is planned first today, after the backlog's share", () => {
    const firstLesson = (plan: Plan) => plan.days[0]?.items.find((item) => item.kind === "lesson");
    expect(firstLesson(after)).toEqual(firstLesson(before));
    expect(summarise(after)).toEqual([
      // 60 minutes a day: reviews take at most half, 60 cards; the other 90 move to the next days.
      "2026-05-11 54m: reviews 60 (+90 later) · lesson est-1 · drill d-qps · drill d-storage · drill d-servers",
      "2026-05-12 59m: reviews 60 (+31 later) · lesson est-2 · drill d-cache · drill d-qps · drill d-storage",
      "2026-05-13 60m: reviews 32 · lesson est-3 · lesson bb-1 · drill d-servers · drill d-cache · drill d-qps",
      "2026-05-14 54m: lesson bb-2 · lesson bb-3 · drill d-storage · drill d-servers · drill d-cache",
      "2026-05-15 19m: lesson cs-intro · drill d-qps · drill d-storage · drill d-servers",
      "2026-05-16 49m: timed case case-a · drill d-cache · drill d-qps · drill d-storage",
      "2026-05-17 9m final: drill d-servers · drill d-cache · drill d-qps",
    ]);
  });

  test("nothing piles onto one day, and what no longer fits is dropped and named", () => {
    expectNoPiling(after, 60);
    expect(after.status).toBe("too-close");
    expect(after.dropped).toEqual({ lessons: [], cases: [{ caseId: "case-b", steps: allSteps }] });
    expect(before.status).toBe("on-track");
  });
});
