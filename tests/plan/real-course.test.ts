import { describe, expect, test } from "vitest";
import { planStudy } from "@/lib/plan";
import { courseCatalogue } from "@/lib/progress";

const newLearner = { completedLessons: [], caseStepsDone: {}, skills: [], cardDueDays: [] };

describe("the planner on the real course", () => {
  const catalogue = courseCatalogue();

  test("three weeks at an hour a day: lessons in module order, cases last, a final pass, no day piled up", () => {
    const plan = planStudy({
      catalogue,
      learner: newLearner,
      today: "2026-05-04",
      interviewDay: "2026-05-25",
      minutesPerDay: 60,
    });
    expect(plan.days).toHaveLength(21);
    expect(plan.days.at(-1)?.final).toBe(true);
    const learned = plan.days.flatMap((day) =>
      day.items.filter((item) => item.kind === "lesson" || item.kind === "case"),
    );
    const modules = learned.flatMap((item) => (item.kind === "lesson" ? [item.module] : []));
    // Module order holds: no estimation lesson after a building block.
    expect(modules.lastIndexOf("estimation")).toBeLessThan(Math.max(0, modules.indexOf("building-blocks")));
    // Whatever does not fit is named, and everything is either planned or dropped.
    const plannedLessons = learned.filter((item) => item.kind === "lesson").length;
    expect(plannedLessons + plan.dropped.lessons.length).toBe(catalogue.lessons.length);
    expect(learned.some((item) => item.kind === "case" && item.timed)).toBe(true);
    for (const day of plan.days) {
      const newWork = day.items.filter((item) => item.kind === "lesson" || item.kind === "case");
      if (day.minutes > 60) expect(newWork).toHaveLength(1);
    }
  });

  test("with no date, everything is planned and nothing dropped", () => {
    const plan = planStudy({
      catalogue,
      learner: newLearner,
      today: "2026-05-04",
      interviewDay: null,
      minutesPerDay: 45,
    });
    expect(plan.status).toBe("no-date");
    expect(plan.dropped).toEqual({ lessons: [], cases: [] });
    const cases = plan.days.flatMap((day) => day.items.filter((item) => item.kind === "case"));
    expect(new Set(cases.map((item) => (item.kind === "case" ? item.caseId : ""))).size).toBe(catalogue.cases.length);
  });
});
