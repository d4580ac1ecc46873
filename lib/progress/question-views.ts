import "server-only";
import type { ExerciseGrade } from "@/lib/engine";
import { getQuestion, listAudits } from "@/lib/content";
import { getLatestAttempt } from "./attempt-records";
import type { QuestionSource } from "./limits";
import { listAnsweredRight, listLastAnswers, viewQuestion, type QuestionVerdict, type QuestionView } from "./questions";

/** An answer as the browser reads it (the POST's body, and the last answer shown on load). */
export type QuestionAnswered = QuestionVerdict & { optionId: string; createdAt: string | null };

/** A question as a page serves it: the question, and for a signed-in learner their last answer and fix attempt. */
export type ServedQuestion = {
  question: QuestionView;
  previous: QuestionAnswered | null;
  /** an audit's last graded corrected value (the Estimate's `previous`) */
  fixPrevious: { answers: Record<string, string>; grade: ExerciseGrade; createdAt: string } | null;
};

/** The questions `ids` ready to render, each with the learner's last answer (none for a visitor). Unknown ids are left out. */
export async function serveQuestions(
  userId: string | null,
  ids: readonly string[],
  source: QuestionSource,
): Promise<Record<string, ServedQuestion>> {
  const previous = userId ? await listLastAnswers(userId, ids) : new Map();
  const served: Record<string, ServedQuestion> = {};
  for (const id of ids) {
    const entry = getQuestion(id);
    if (!entry) continue;
    const last = previous.get(id);
    const attempt = userId && last && entry.kind === "audit" ? await getLatestAttempt(userId, id, source) : null;
    served[id] = {
      question: viewQuestion(entry),
      previous: last ? { ...last, createdAt: last.createdAt.toISOString() } : null,
      fixPrevious:
        attempt && attempt.attempt.seed === 0
          ? {
              answers: attempt.attempt.answers,
              grade: attempt.grade,
              createdAt: attempt.attempt.createdAt.toISOString(),
            }
          : null,
    };
  }
  return served;
}

/**
 * The audit the drill serves next: the first in course order after `after` (wrapping round) that the learner has
 * not yet answered right; when every one is, a random one other than `after`. Null when the course has no audits.
 */
export function pickAudit(
  ids: readonly string[],
  answeredRight: ReadonlySet<string>,
  after: string | null,
  random: () => number = Math.random,
): string | null {
  if (ids.length === 0) return null;
  const start = after === null ? 0 : ids.indexOf(after) + 1;
  const rotated = [...ids.slice(start), ...ids.slice(0, start)].filter((id) => id !== after);
  const open = rotated.find((id) => !answeredRight.has(id));
  if (open) return open;
  const others = rotated.length ? rotated : [...ids];
  return others[Math.floor(random() * others.length)] ?? null;
}

/** The next audit of the drill for this learner (a visitor: simply the next in course order). */
export async function nextAudit(userId: string | null, after: string | null): Promise<string | null> {
  const ids = listAudits().map((audit) => audit.id);
  const right = userId ? await listAnsweredRight(userId, ids) : new Set<string>();
  return pickAudit(ids, right, after);
}
