// Limits the browser needs too (the answer box stops where the server stops reading). No imports: the browser gets
// these through lib/progress/client.ts without any of the data layer.

/** The longest answer that is graded. */
export const MAX_ANSWER_LENGTH = 200;

/** Variant seeds run from 0 (the lesson's own numbers) to 2^31 − 1. */
export const MAX_SEED = 2 ** 31 - 1;

/** Where an attempt was answered. */
export const ATTEMPT_SOURCES = ["lesson", "drill", "case"] as const;
export type AttemptSource = (typeof ATTEMPT_SOURCES)[number];

/** Notes per case stage stop here; the browser keeps what was typed past it, so nothing is lost. */
export const MAX_CASE_NOTES = 20_000;

/** Where a judgement question or an audit's line was answered: in its lesson, or in the audits drill. */
export const QUESTION_SOURCES = ["lesson", "drill"] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];
