import "server-only";
import {
  buildExercise,
  formatQuantity,
  gradeExercise,
  toPrompt,
  type ExercisePrompt,
  type StepGrade,
} from "@/lib/engine";
import { getExercise } from "@/lib/content";
import { newCardState } from "@/lib/srs";
import { cardStateColumns } from "./card-codec";
import { course } from "./course";
import { db, type Tx } from "./db";
import { refuse, type Refusal } from "./outcome";
import { seedToken, verifySeedToken } from "./seed-token";

// A missed estimation step becomes a review card. It is a review of a mistake, not new material: due at once, first
// in the queue and outside the daily limit of new cards. Reviewing it serves a fresh variant of that one step.

/** The prefix of a missed estimation step's card id (`step:<exerciseId>:<stepId>`). */
export const STEP_CARD_PREFIX = "step:";

/** A missed estimation step's card id: `step:<exerciseId>:<stepId>`. */
export function stepCardId(exerciseId: string, stepId: string): string {
  return `${STEP_CARD_PREFIX}${exerciseId}:${stepId}`;
}

function parseStepCardId(cardId: string): { exerciseId: string; stepId: string } | null {
  const match = /^step:([^:]+):([^:]+)$/.exec(cardId);
  return match?.[1] && match[2] ? { exerciseId: match[1], stepId: match[2] } : null;
}

function missedStepCardIds(exerciseId: string, steps: readonly StepGrade[]): string[] {
  return steps
    .filter((step) => step.verdict !== "exact" && step.verdict !== "close" && step.verdict !== "unreadable")
    .map((step) => stepCardId(exerciseId, step.id));
}

async function createStepCards(tx: Tx, userId: string, ids: readonly string[], now: Date): Promise<void> {
  const fresh = cardStateColumns(newCardState(now));
  await tx.reviewCard.createMany({
    data: ids.map((cardId) => ({ userId, cardId, kind: "step", ...fresh, createdAt: now })),
    skipDuplicates: true,
  });
}

/**
 * A missed estimation step becomes a card: created due now, or, when it exists, brought forward to now. `steps` are the
 * graded steps the learner answered; those below `close` count as missed. An answer the engine could not read
 * (`unreadable`) is not a miss and makes no card; an answer in the wrong dimension (`wrong-dimension`) is one.
 * `tx`: the transaction of the attempt that missed them, so the attempt and its cards are stored together or not at all.
 */
export async function flagMissedSteps(
  userId: string,
  exerciseId: string,
  steps: readonly StepGrade[],
  now: Date,
  tx: Tx = db(),
): Promise<string[]> {
  const ids = missedStepCardIds(exerciseId, steps);
  if (ids.length === 0) return [];
  await createStepCards(tx, userId, ids, now);
  await tx.reviewCard.updateMany({ where: { userId, cardId: { in: ids }, due: { gt: now } }, data: { due: now } });
  return ids;
}

/**
 * The cards of a stored attempt's missed steps, created when missing (an attempt stored alone by an earlier version);
 * cards that exist keep their state: a replayed attempt does not bring a reviewed card forward.
 */
export async function restoreMissedStepCards(
  tx: Tx,
  userId: string,
  exerciseId: string,
  steps: readonly StepGrade[],
  now: Date,
): Promise<void> {
  const ids = missedStepCardIds(exerciseId, steps);
  if (ids.length) await createStepCards(tx, userId, ids, now);
}

/**
 * One step of an exercise as a review: the scenario with a fresh seed, the earlier steps' reference answers shown as
 * known values, and only the missed step to answer. The prompt is the engine's own (`toPrompt`), so a review shows
 * what a lesson shows and nothing of the key.
 */
export function serveStepVariant(cardId: string, seed: number): { prompt: ExercisePrompt; token: string } | null {
  const parsed = parseStepCardId(cardId);
  const exercise = parsed ? course.exercise(parsed.exerciseId) : null;
  if (!parsed || !exercise) return null;
  const built = buildExercise(exercise.spec, seed);
  const index = built.steps.findIndex((step) => step.id === parsed.stepId);
  const step = built.steps[index];
  if (!step) return null;
  const prompt = toPrompt({ ...built, steps: [step] }, { open: false });
  const earlier = built.steps.slice(0, index).map((s) => ({
    name: s.id,
    label: s.prompt.replace(/\?$/, ""),
    display: formatQuantity(s.expected, { unit: s.unit }),
    expression: `${s.expected.value / s.unitSpec.factor} ${s.unit}`.trim(),
  }));
  return { prompt: { ...prompt, givens: [...prompt.givens, ...earlier] }, token: seedToken(cardId, seed) };
}

/** Grade an answer to a step card's variant, checking that Envelope served that seed for that card. */
export function gradeStepReview(
  cardId: string,
  seed: number,
  token: string,
  answer: string,
): { ok: true; grade: StepGrade } | Refusal {
  const parsed = parseStepCardId(cardId);
  const exercise = parsed ? getExercise(parsed.exerciseId) : null;
  if (!parsed || !exercise) return refuse("invalid", "That card is not an estimation step Envelope knows.");
  if (!verifySeedToken(cardId, seed, token)) {
    return refuse(
      "invalid",
      "This variant was not served by Envelope (the seed and its token do not match). Reload the page.",
    );
  }
  const built = buildExercise(exercise.spec, seed);
  const grade = gradeExercise(built, { [parsed.stepId]: answer }).steps.find((step) => step.id === parsed.stepId);
  if (!grade) return refuse("invalid", "That step no longer exists in the exercise.");
  return { ok: true, grade };
}
