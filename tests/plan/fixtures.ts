import type { Plan, PlanCatalogue, PlanInput, PlanItem, LearnerPlanState } from "@/lib/plan";

const steps = [
  { step: "requirements", minutes: 5 },
  { step: "estimation", minutes: 8 },
  { step: "design", minutes: 12 },
  { step: "deepDive", minutes: 10 },
  { step: "wrapUp", minutes: 5 },
];

/** A small course: three estimation lessons, three building blocks, a case-study lesson and two 40-minute cases. */
export const catalogue: PlanCatalogue = {
  lessons: [
    // Listed out of order on purpose: the planner orders by module, then order.
    { id: "bb-1", module: "building-blocks", order: 4, minutes: 20 },
    { id: "est-1", module: "estimation", order: 1, minutes: 15 },
    { id: "est-2", module: "estimation", order: 2, minutes: 20 },
    { id: "est-3", module: "estimation", order: 3, minutes: 15 },
    { id: "bb-2", module: "building-blocks", order: 5, minutes: 25 },
    { id: "bb-3", module: "building-blocks", order: 6, minutes: 20 },
    { id: "cs-intro", module: "case-studies", order: 7, minutes: 10 },
  ],
  cases: [
    { id: "case-b", order: 9, steps },
    { id: "case-a", order: 8, steps },
  ],
  drills: [
    { id: "d-qps", skill: "peak QPS" },
    { id: "d-qps-range", skill: "peak QPS" },
    { id: "d-storage", skill: "storage" },
    { id: "d-servers", skill: "server count" },
    { id: "d-cache", skill: "cache latency" },
  ],
};

export const newLearner: LearnerPlanState = { completedLessons: [], caseStepsDone: {}, skills: [], cardDueDays: [] };

export function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    catalogue,
    learner: newLearner,
    today: "2026-05-04",
    interviewDay: null,
    minutesPerDay: 60,
    ...overrides,
  };
}

function short(item: PlanItem): string {
  switch (item.kind) {
    case "reviews":
      return `reviews ${item.count}${item.deferred ? ` (+${item.deferred} later)` : ""}`;
    case "final-review":
      return `final pass ${item.count}`;
    case "lesson":
      return `lesson ${item.lessonId}`;
    case "case":
      return item.timed ? `timed case ${item.caseId}` : `case ${item.caseId}: ${item.steps.join(", ")}`;
    case "drill":
      return `drill ${item.drillId}`;
  }
}

/** One line per day, "2026-05-04 52m: reviews 10 · lesson est-2 · drill d-qps", so a whole plan reads at a glance. */
export function summarise(plan: Plan): string[] {
  return plan.days.map(
    (day) => `${day.day} ${day.minutes}m${day.final ? " final" : ""}: ${day.items.map(short).join(" · ")}`,
  );
}
