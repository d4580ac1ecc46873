// The seven stages of every case, in order (the content schema in lib/content uses the same list).

export const CASE_STAGES = ["requirements", "estimation", "api", "design", "deepDive", "failures", "wrapUp"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Every step a case can be at: the seven stages and the curveball (its place in the order is the case's choice). */
export const CASE_STEP_NAMES = [...CASE_STAGES, "curveball"] as const;
