// The study plan: from the catalogue, the learner's state, today, the interview date and the minutes a day to a plan
// for each day. Pure: no clock, no database; the page that shows it passes everything in.

export { FINAL_PASS_DAYS, MINUTES_PER_REVIEW, REVIEW_SHARE, planStudy } from "./plan-days";
export { DRILL_MINUTES, drillsForDay, rankDrills, skillShare } from "./weak-skills";
export { skillResults, type AnsweredStep } from "./skill-results";
export type {
  LearnerPlanState,
  Plan,
  PlanCase,
  PlanCatalogue,
  PlanDay,
  PlanDrill,
  PlanInput,
  PlanItem,
  PlanLesson,
  PlanStatus,
  SkillResult,
} from "./types";
