// The seven stages of every case, in order (the content schema in lib/content uses the same list).

export const CASE_STAGES = ["requirements", "estimation", "api", "design", "deepDive", "failures", "wrapUp"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
