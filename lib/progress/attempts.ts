import "server-only";
import { z } from "zod";
import {
  SCRATCHPAD_MAX_LINES,
  buildExercise,
  toPrompt,
  type BuiltExercise,
  type ExerciseGrade,
  type ExercisePrompt,
} from "@/lib/engine";
import { getExercise, getLesson, listExercisesOfLesson } from "@/lib/content";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "./db";
import { markLessonCompleted } from "./lessons";
import { refuse, type Refusal } from "./outcome";
import { flagMissedSteps, restoreMissedStepCards } from "./step-cards";
import { ATTEMPT_SOURCES, MAX_ANSWER_LENGTH, MAX_SEED, type AttemptSource } from "./limits";
import { caseEstimateOpenSince } from "./case-runs";
import { seedToken, verifySeedToken } from "./seed-token";
import {
  attemptSelect,
  findAttempt,
  findFirstOfVariant,
  gradeSubmission,
  isAtLeastClose,
  toRecord,
  type AttemptRecord,
  type AttemptWork,
} from "./attempt-records";

/** The longest answer a request may carry at all (the body limit guards the total). */
const MAX_BODY_ANSWER_LENGTH = 4_000;

/** What the browser sends: exactly what was typed, the variant it was typed for, and a client id. */
export const attemptSubmitSchema = z.strictObject({
  clientId: z.uuid({ message: "clientId must be a UUID made by the browser" }),
  exerciseId: z.string().min(1).max(120),
  seed: z.number().int().min(0).max(MAX_SEED),
  token: z.string().min(1).max(64),
  source: z.enum(ATTEMPT_SOURCES),
  // A longer answer is not a malformed request: the step is reported as too long and the others are graded.
  answers: z.record(
    z.string().max(64),
    z.string().max(MAX_BODY_ANSWER_LENGTH, { message: `an answer is at most ${MAX_ANSWER_LENGTH} characters` }),
  ),
  elapsedMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
  // The scratchpad's lines as typed; a line over the limit is reported on its line, not refused here.
  work: z
    .array(z.string().max(MAX_BODY_ANSWER_LENGTH, { message: "a scratchpad line is at most 200 characters" }))
    .max(SCRATCHPAD_MAX_LINES, { message: `a scratchpad holds at most ${SCRATCHPAD_MAX_LINES} lines` })
    .optional(),
  // "open": the steps were hidden and only the last one answered (an open estimate, or a drill played open).
  mode: z.enum(["stepped", "open"]).optional(),
});

export type AttemptSubmit = z.infer<typeof attemptSubmitSchema>;

/** A variant as the browser receives it: the prompt and the token that lets it submit for that seed. */
export type ServedVariant = { prompt: ExercisePrompt; token: string };

/**
 * `counted` is false for a re-check: a later submission of a variant the learner has already submitted is graded
 * but not stored (the first check of a set of numbers is the one that counts), and creates no review card.
 */
export type AttemptResult =
  | {
      ok: true;
      attempt: AttemptRecord;
      grade: ExerciseGrade;
      prompt: ExercisePrompt;
      duplicate: boolean;
      counted: boolean;
    }
  | Refusal;

/** Build the variant of an exercise that a lesson (seed 0) or a drill (any seed) serves, with its token. */
export function serveVariant(exerciseId: string, seed: number, options: { open?: boolean } = {}): ServedVariant | null {
  const exercise = getExercise(exerciseId);
  if (!exercise) return null;
  return { prompt: toPrompt(buildExercise(exercise.spec, seed), options), token: seedToken(exerciseId, seed) };
}

type CatalogueEntry = NonNullable<ReturnType<typeof getExercise>>;

/** Where each kind of exercise is answered (an audit's corrected value: in its lesson or in the audits drill). */
const ANSWERED_FROM = {
  lesson: ["lesson", "audit"],
  drill: ["drill", "audit"],
  case: ["case"],
} as const satisfies Record<AttemptSource, readonly CatalogueEntry["kind"][]>;

/** Why the exercise cannot be answered from the source the request names, or null when it can. */
function misplacedMessage(input: AttemptSubmit, exercise: CatalogueEntry): string | null {
  const allowed: readonly string[] = ANSWERED_FROM[input.source];
  if (allowed.includes(exercise.kind)) return null;
  if (input.source === "drill") return `"${input.exerciseId}" is not a drill.`;
  if (input.source === "case") return `"${input.exerciseId}" is not an estimate of a case.`;
  return exercise.kind === "case"
    ? `"${input.exerciseId}" is answered in its case.`
    : `"${input.exerciseId}" is a drill, not an exercise of a lesson: send it with source "drill".`;
}

function playedOpen(input: AttemptSubmit, exercise: CatalogueEntry): boolean {
  return (input.mode ?? (exercise.spec.open ? "open" : "stepped")) === "open";
}

/** The scratchpad as it is stored: null when the steps were shown and no line was written. */
function submittedWork(input: AttemptSubmit, exercise: CatalogueEntry): AttemptWork | null {
  const open = playedOpen(input, exercise);
  const lines = input.work ?? [];
  return open || lines.some((line) => line.trim() !== "") ? { open, lines } : null;
}

/** Grades a submission without storing it: for a visitor without an account, or before it is stored. */
type Graded = { built: BuiltExercise; answers: Record<string, string>; work: AttemptWork | null; grade: ExerciseGrade };

function checkAndGrade(input: AttemptSubmit): { ok: true; exercise: CatalogueEntry; graded: Graded } | Refusal {
  const exercise = getExercise(input.exerciseId);
  if (!exercise) return refuse("invalid", `There is no exercise "${input.exerciseId}".`);
  if (!verifySeedToken(input.exerciseId, input.seed, input.token)) {
    return refuse(
      "invalid",
      "This variant was not served by Envelope (the seed and its token do not match). Reload the page.",
    );
  }
  const misplaced = misplacedMessage(input, exercise);
  if (misplaced) return refuse("invalid", misplaced);
  const built = buildExercise(exercise.spec, input.seed);
  const open = playedOpen(input, exercise);
  const asked = open ? built.steps.slice(-1) : built.steps;
  const stepIds = new Set(asked.map((step) => step.id));
  const unknown = Object.keys(input.answers).filter((id) => !stepIds.has(id));
  if (unknown.length) return refuse("invalid", `Unknown step id(s): ${unknown.join(", ")}.`);
  if (asked.every((step) => !(input.answers[step.id] ?? "").trim())) {
    return refuse(
      "invalid",
      open ? "Give a final answer before checking." : "Answer at least one step before checking.",
    );
  }
  const answers = Object.fromEntries(asked.map((step) => [step.id, input.answers[step.id] ?? ""]));
  const work = submittedWork(input, exercise);
  return { ok: true, exercise, graded: { built, answers, work, grade: gradeSubmission(built, answers, work) } };
}

/** A submission graded for a visitor, who has no account: nothing is stored (the browser keeps it). */
export function gradeAttemptForVisitor(
  input: AttemptSubmit,
): { ok: true; grade: ExerciseGrade; prompt: ExercisePrompt } | Refusal {
  if (input.source === "case") return refuse("invalid", "Sign in to work a case: its runs are kept in your account.");
  const checked = checkAndGrade(input);
  if (!checked.ok) return checked;
  const { built, work, grade } = checked.graded;
  return { ok: true, grade, prompt: toPrompt(built, { open: work?.open ?? false }) };
}

/**
 * Grade a submission on the server with the engine and store it once. The exercise is rebuilt from its id and seed
 * (the browser never sends or sees a reference answer); a repeated client id with the same body returns the stored
 * attempt, regraded from its stored answers, and stores nothing; with another body it is refused (conflict). The
 * attempt, the lesson it completes and the review cards of its missed steps are written in one transaction.
 */
export async function recordAttempt(userId: string, input: AttemptSubmit, now: Date): Promise<AttemptResult> {
  const existing = await findAttempt(userId, input.clientId);
  if (existing) return replayAndRepair(userId, existing, input, now);
  const checked = checkAndGrade(input);
  if (!checked.ok) return checked;
  const { exercise, graded } = checked;
  const { built, answers, work, grade } = graded;
  // A case's run counts its own first answer to each estimate (a run started again counts afresh).
  let countsSince: Date | undefined;
  if (input.source === "case") {
    const since = await caseEstimateOpenSince(userId, exercise.lessonId, input.exerciseId, now);
    if (!since)
      return refuse("invalid", "A case's estimates are answered in their own stage, before its reference is revealed.");
    countsSince = since;
  }
  const prompt = toPrompt(built, { open: work?.open ?? false });
  const first = await findFirstOfVariant(userId, input.exerciseId, input.seed, countsSince);
  if (first?.clientId === input.clientId) return replay(first, input); // the same submission, stored a moment ago
  if (first) return { ok: true, attempt: first, grade, prompt, duplicate: false, counted: false };
  const answered = answeredSteps(grade, answers);
  try {
    // The attempt, the lesson it completes and the cards it makes: all stored, or (a lost connection, a timeout)
    // none, so the same request sent again stores all of them.
    const row = await db().$transaction(async (tx) => {
      const created = await tx.attempt.create({
        data: {
          userId,
          clientId: input.clientId,
          exerciseId: input.exerciseId,
          source: input.source,
          seed: input.seed,
          answers,
          work: work ?? Prisma.DbNull,
          // Per step, enough to chart accuracy, calibration and weak skills without regrading.
          steps: grade.steps.map((step) => ({
            id: step.id,
            score: step.score,
            verdict: step.verdict,
            followThrough: step.followThrough,
            ...(step.calibration ? { held: step.calibration.held, logWidth: step.calibration.logWidth } : {}),
          })),
          score: grade.score,
          correct: grade.steps.every((step) => isAtLeastClose(step.verdict)),
          elapsedMs: input.elapsedMs,
          createdAt: now,
        },
        select: attemptSelect,
      });
      if (input.source === "lesson") await completeLessonIfAllAttempted(tx, userId, exercise.lessonId, now);
      await flagMissedSteps(userId, input.exerciseId, answered, now, tx);
      return created;
    });
    return { ok: true, attempt: toRecord(row), grade, prompt, duplicate: false, counted: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findAttempt(userId, input.clientId);
      if (raced) return replay(raced, input);
    }
    throw error;
  }
}

/**
 * A lesson is complete once the learner has answered every one of its exercises (or reached its end). Two attempts at
 * one lesson's last exercises take turns here, so the later one sees the earlier one's attempt and completes it.
 */
async function completeLessonIfAllAttempted(tx: Tx, userId: string, lessonId: string, now: Date): Promise<void> {
  const lesson = getLesson(lessonId);
  if (!lesson) return;
  const ids = listExercisesOfLesson(lesson).map((entry) => entry.spec.id);
  if (ids.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`lesson:${userId}:${lessonId}`}))`;
  const attempted = await tx.attempt.groupBy({ by: ["exerciseId"], where: { userId, exerciseId: { in: ids } } });
  if (attempted.length === ids.length) await markLessonCompleted(userId, lessonId, now, tx);
}

/** The steps the learner answered: an answer the engine could not read is not a wrong answer, and makes no card. */
function answeredSteps(grade: ExerciseGrade, answers: Record<string, string>): ExerciseGrade["steps"] {
  return grade.steps.filter((step) => (answers[step.id] ?? "").trim() !== "" && step.verdict !== "unreadable");
}

/**
 * A stored attempt sent again. An attempt that an earlier version stored alone (its connection lost before the lesson
 * progress and the cards were written) gets them now; what exists is left as it is.
 */
async function replayAndRepair(
  userId: string,
  existing: AttemptRecord,
  input: AttemptSubmit,
  now: Date,
): Promise<AttemptResult> {
  const result = replay(existing, input);
  if (!result.ok) return result;
  const exercise = getExercise(existing.exerciseId);
  if (!exercise) return result;
  await db().$transaction(async (tx) => {
    if (existing.source === "lesson") await completeLessonIfAllAttempted(tx, userId, exercise.lessonId, now);
    await restoreMissedStepCards(tx, userId, existing.exerciseId, answeredSteps(result.grade, existing.answers), now);
  });
  return result;
}

/** The stored attempt answers a request with the same client id only when the request is the same submission. */
function sameSubmission(existing: AttemptRecord, input: AttemptSubmit, exercise: CatalogueEntry): boolean {
  const keys = new Set([...Object.keys(existing.answers), ...Object.keys(input.answers)]);
  return (
    existing.exerciseId === input.exerciseId &&
    existing.seed === input.seed &&
    existing.source === input.source &&
    existing.elapsedMs === input.elapsedMs &&
    [...keys].every((key) => (existing.answers[key] ?? "") === (input.answers[key] ?? "")) &&
    JSON.stringify(existing.work) === JSON.stringify(submittedWork(input, exercise))
  );
}

const CLIENT_ID_REUSED = "This client id was already used for a different submission. Send a new client id.";

function replay(existing: AttemptRecord, input: AttemptSubmit): AttemptResult {
  if (existing.exerciseId !== input.exerciseId) return refuse("conflict", CLIENT_ID_REUSED);
  const exercise = getExercise(existing.exerciseId);
  if (!exercise) return refuse("invalid", `There is no exercise "${existing.exerciseId}".`);
  if (!sameSubmission(existing, input, exercise)) return refuse("conflict", CLIENT_ID_REUSED);
  const built = buildExercise(exercise.spec, existing.seed);
  return {
    ok: true,
    attempt: existing,
    grade: gradeSubmission(built, existing.answers, existing.work),
    prompt: toPrompt(built, { open: existing.work?.open ?? false }),
    duplicate: true,
    counted: true,
  };
}
