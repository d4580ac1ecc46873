// The planner's input and output: plain data. The catalogue comes from lib/content and the learner's state from
// lib/progress (by the page that shows the plan); the planner reads neither.

/** A lesson as the planner needs it: its module (estimation first, building blocks next) and its estimated minutes. */
export type PlanLesson = {
  readonly id: string;
  readonly module: string;
  readonly order: number;
  readonly minutes: number;
};

/** A case study: its steps in order (the stages and the curveball) with each step's share of the interview in minutes. */
export type PlanCase = {
  readonly id: string;
  readonly order: number;
  readonly steps: readonly { readonly step: string; readonly minutes: number }[];
};

/** A drill and the skill it practises; minutes defaults to DRILL_MINUTES. */
export type PlanDrill = { readonly id: string; readonly skill: string; readonly minutes?: number };

export type PlanCatalogue = {
  readonly lessons: readonly PlanLesson[];
  readonly cases: readonly PlanCase[];
  readonly drills: readonly PlanDrill[];
};

/** A learner's answered estimation steps of one skill. */
export type SkillResult = {
  readonly skill: string;
  readonly answered: number;
  /** steps graded `close` or `exact` */
  readonly closeOrBetter: number;
  /** the learner day (YYYY-MM-DD) of the latest step graded below `close`, or null */
  readonly lastMissDay: string | null;
};

export type LearnerPlanState = {
  readonly completedLessons: readonly string[];
  /** per case id, the steps the learner has finished */
  readonly caseStepsDone: Readonly<Record<string, readonly string[]>>;
  readonly skills: readonly SkillResult[];
  /** the learner day each introduced card is due (overdue ones included); new cards not yet introduced are left out */
  readonly cardDueDays: readonly string[];
};

export type PlanInput = {
  readonly catalogue: PlanCatalogue;
  readonly learner: LearnerPlanState;
  /** the learner's day, as lib/srs's dayKey cuts it */
  readonly today: string;
  /** the interview's day, or null without a date */
  readonly interviewDay: string | null;
  readonly minutesPerDay: number;
};

export type PlanItem =
  /** cards due (overdue ones on the first day); `deferred` are moved to later days so no day takes more than its share */
  | { readonly kind: "reviews"; readonly count: number; readonly deferred: number; readonly minutes: number }
  /** on the last day before the interview: cards that would come due in the week after it, reviewed now */
  | { readonly kind: "final-review"; readonly count: number; readonly minutes: number }
  | { readonly kind: "lesson"; readonly lessonId: string; readonly module: string; readonly minutes: number }
  /** one or more steps of a case; `timed` when the whole case is done in one sitting as a timed interview */
  | {
      readonly kind: "case";
      readonly caseId: string;
      readonly steps: readonly string[];
      readonly timed: boolean;
      readonly minutes: number;
    }
  | { readonly kind: "drill"; readonly drillId: string; readonly skill: string; readonly minutes: number };

export type PlanDay = {
  readonly day: string;
  readonly items: readonly PlanItem[];
  readonly minutes: number;
  /** the last day before the interview: reviews and a final pass, nothing new */
  readonly final: boolean;
};

export type PlanStatus = "on-track" | "too-close" | "done" | "no-date";

export type Plan = {
  readonly status: PlanStatus;
  /** one or two plain sentences for the learner: how the plan stands and what it dropped */
  readonly message: string;
  readonly interviewDay: string | null;
  readonly days: readonly PlanDay[];
  /** the lessons and case steps that do not fit before the date, in course order */
  readonly dropped: {
    readonly lessons: readonly string[];
    readonly cases: readonly { readonly caseId: string; readonly steps: readonly string[] }[];
  };
  /** the day the last lesson or case step is planned, or null when none is */
  readonly finishes: string | null;
};
