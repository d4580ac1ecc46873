import type { ExerciseGrade } from "@/lib/engine";
import type { AttemptRecord } from "./attempt-records";
import type { ServedVariant } from "./attempts";
import type { CaseRunView } from "./case-runs";
import type { LearnerSettings } from "./settings";
import type { LessonProgressRecord } from "./lessons";
import type { QuestionAnswered } from "./question-views";
import type { ReviewOutcome } from "./rate-card";
import type { UndoOutcome } from "./undo-review";
import type { SpreadResult } from "./spread-backlog";

// What each write endpoint answers, declared once: the route handler builds the body (`satisfies`), and the browser
// reads the same type through lib/progress/client.ts, as JSON makes it (dates become ISO strings).

/** What JSON.stringify makes of a value: dates become ISO strings, the rest keeps its shape. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** POST /api/attempts: the grade (with the worked solution); `counted` is false for a re-check of the same numbers. */
export type AttemptResponseBody = {
  /** null for a visitor without an account: graded, not stored (the browser keeps it until sign-in) */
  attempt: AttemptRecord | null;
  grade: ExerciseGrade;
  duplicate: boolean;
  counted: boolean;
  stored: boolean;
};

/** POST /api/variants: a fresh variant of a drill and the token that lets it be submitted. */
export type VariantResponseBody = ServedVariant;

/** POST /api/reviews: the rating given (or derived from the graded step) and when the card comes back. */
export type ReviewResponseBody = Omit<Extract<ReviewOutcome, { ok: true }>, "ok">;

/** POST /api/reviews/undo: the card whose rating was undone, with its state restored. */
export type UndoResponseBody = Omit<Extract<UndoOutcome, { ok: true }>, "ok">;

/** POST /api/deck: how many cards joined the deck. */
export type DeckResponseBody = { added: number };

/** PUT /api/settings: the settings as stored. */
export type SettingsResponseBody = { settings: LearnerSettings };

/** POST /api/lessons/:id/progress: the lesson's progress, and how many cards completing it added. */
export type LessonProgressResponseBody = { progress: LessonProgressRecord; cardsAdded: number };

/** GET /api/me: who is signed in, or null for a visitor. */
export type MeResponseBody = { learner: { id: string; name: string | null; email: string } | null };

/** A learner's last graded answer to a lesson's exercise at the lesson's own numbers (seed 0). */
export type PreviousAttempt = {
  answers: Record<string, string>;
  grade: ExerciseGrade;
  createdAt: string;
  work: { open: boolean; lines: string[] } | null;
};

/**
 * GET /api/lessons/:id/state: the learner's own part of a lesson page, which is prerendered the same for everyone:
 * whether it is completed, the prerequisites not completed yet, and the last answers to its exercises and questions.
 */
export type LessonStateResponseBody = {
  completed: boolean;
  missingPrerequisites: { id: string; title: string }[];
  estimates: Record<string, PreviousAttempt>;
  questions: Record<string, { previous: QuestionAnswered | null; fixPrevious: Omit<PreviousAttempt, "work"> | null }>;
};

/** POST /api/progress/reset: what was removed. */
export type ResetResponseBody = { removed: { lessons: number; attempts: number; cards: number } };

/** POST /api/account/delete. */
export type DeleteAccountResponseBody = { deleted: true };

/** Any refusal: a message for people, and per-field messages for forms. */
export type ErrorResponseBody = { error: string; issues?: Record<string, string> };

/** POST /api/cases: the learner's run of the case as stored after the write. */
export type CaseWriteResponseBody = { run: CaseRunView; duplicate: boolean };

/**
 * POST /api/questions: the verdict on a judgement question's option or an audit's line (with the audit's fix
 * exercise); `stored` is false for a visitor, `duplicate` true for a replayed client id.
 */
export type QuestionResponseBody = QuestionAnswered & { duplicate: boolean; stored: boolean };

export type SpreadResponseBody = SpreadResult;
