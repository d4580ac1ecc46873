import "server-only";
import { z } from "zod";
import { buildExercise, gradeExercise, formatQuantity, type ExercisePrompt, type StepGrade } from "@/lib/engine";
import { getCard, getExercise, listCards, type ModuleId } from "@/lib/content";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  DEFAULT_SETTINGS,
  clampRetention,
  formatInterval,
  newCardState,
  previewRatings,
  ratingForVerdict,
  scheduleReview,
  type CardPhase,
  type CardState,
  type Rating,
  type SchedulerSettings,
} from "@/lib/srs";
import { db } from "./db";
import { countNewCardsIntroducedToday, courseRank, listPublishedCards, newCardAllowance, type NewCardAllowance } from "./new-cards";
import { randomSeed, seedToken, verifySeedToken } from "./seed-token";

/** A missed estimation step's card id: `step:<exerciseId>:<stepId>`. */
export function stepCardId(exerciseId: string, stepId: string): string {
  return `step:${exerciseId}:${stepId}`;
}

function parseStepCardId(cardId: string): { exerciseId: string; stepId: string } | null {
  const match = /^step:([^:]+):([^:]+)$/.exec(cardId);
  return match?.[1] && match[2] ? { exerciseId: match[1], stepId: match[2] } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

/** How many new flashcards a day introduces unless the learner changes it (Anki's default too). */
export const NEW_CARDS_PER_DAY_DEFAULT = 20;
export const NEW_CARDS_PER_DAY_MAX = 200;

export type LearnerSettings = SchedulerSettings & { timeZone: string; dayStartHour: number; newCardsPerDay: number };

export const settingsUpdateSchema = z.strictObject({
  desiredRetention: z.number().min(0.8, { message: "Desired retention is at least 0.80." }).max(0.97, { message: "Desired retention is at most 0.97." }).optional(),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, { message: "That is not a time zone this server knows (use an IANA name such as Europe/Berlin)." })
    .optional(),
  dayStartHour: z.number().int().min(0).max(23).optional(),
  newCardsPerDay: z
    .number({ message: `New cards per day is a whole number from 0 to ${NEW_CARDS_PER_DAY_MAX}.` })
    .int({ message: `New cards per day is a whole number from 0 to ${NEW_CARDS_PER_DAY_MAX}.` })
    .min(0, { message: `New cards per day is a whole number from 0 to ${NEW_CARDS_PER_DAY_MAX}.` })
    .max(NEW_CARDS_PER_DAY_MAX, { message: `New cards per day is at most ${NEW_CARDS_PER_DAY_MAX}: more than that piles up reviews faster than anyone keeps up with.` })
    .optional(),
});

export async function getSettings(userId: string): Promise<LearnerSettings> {
  const row = await db().userSettings.findUnique({ where: { userId } });
  return row
    ? { desiredRetention: clampRetention(row.desiredRetention), timeZone: row.timeZone, dayStartHour: row.dayStartHour, newCardsPerDay: row.newCardsPerDay }
    : { ...DEFAULT_SETTINGS, timeZone: "UTC", dayStartHour: 4, newCardsPerDay: NEW_CARDS_PER_DAY_DEFAULT };
}

export async function updateSettings(userId: string, input: z.infer<typeof settingsUpdateSchema>): Promise<LearnerSettings> {
  await db().userSettings.upsert({ where: { userId }, update: input, create: { userId, ...input } });
  return getSettings(userId);
}

// ---------------------------------------------------------------------------------------------------------------
// Cards in the deck

const cardSelect = {
  cardId: true,
  kind: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} satisfies Prisma.ReviewCardSelect;

type CardRow = Prisma.ReviewCardGetPayload<{ select: typeof cardSelect }>;

const phaseSchema = z.enum(["new", "learning", "review", "relearning"]);

function stateOf(row: CardRow): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: phaseSchema.parse(row.state),
    lastReview: row.lastReview,
  };
}

/** A card state as stored in the review log (JSON, dates as ISO strings). */
const storedStateSchema = z.object({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: phaseSchema,
  lastReview: z.coerce.date().nullable(),
});

function stored(state: CardState): Prisma.InputJsonObject {
  return { ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null };
}

function columns(state: CardState) {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview,
  };
}

/** Add flashcards to the learner's deck (new, due now). Cards already there keep their state. Returns how many were new. */
export async function addCardsToDeck(userId: string, cardIds: string[], now: Date): Promise<number> {
  const known = listCards();
  const ids = [...new Set(cardIds)].filter((id) => known.has(id));
  if (ids.length === 0) return 0;
  const fresh = columns(newCardState(now));
  const result = await db().reviewCard.createMany({
    data: ids.map((cardId) => ({ userId, cardId, kind: "fact", ...fresh })),
    skipDuplicates: true,
  });
  return result.count;
}

/**
 * The cards of one lesson join the deck: when the learner completes it, or asks for them. A lesson that does not exist
 * yet ("coming soon") adds nothing, even when its cards are written.
 */
export async function addLessonCards(userId: string, lessonId: string, now: Date): Promise<number> {
  const ids = listPublishedCards().filter((card) => card.lessonId === lessonId).map((card) => card.id);
  return addCardsToDeck(userId, ids, now);
}

/** Every card of a module's published lessons joins the deck (they are introduced a few a day, in course order). */
export async function addModuleCards(userId: string, module: ModuleId, now: Date): Promise<number> {
  const ids = listPublishedCards().filter((card) => card.module === module).map((card) => card.id);
  return addCardsToDeck(userId, ids, now);
}

/**
 * A missed estimation step becomes a card: created due now, or, when it exists, brought forward to now. `steps` are the
 * graded steps the learner answered; those below `close` count as missed. An answer the engine could not read
 * (`unreadable`) is not a miss and makes no card; an answer in the wrong dimension (`wrong-dimension`) is one.
 */
export async function flagMissedSteps(userId: string, exerciseId: string, steps: readonly StepGrade[], now: Date): Promise<string[]> {
  const missed = steps.filter((step) => step.verdict !== "exact" && step.verdict !== "close" && step.verdict !== "unreadable");
  const ids: string[] = [];
  for (const step of missed) {
    const cardId = stepCardId(exerciseId, step.id);
    ids.push(cardId);
    await db().$executeRaw`
      INSERT INTO "ReviewCard" ("userId", "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "createdAt")
      VALUES (${userId}::uuid, ${cardId}, 'step', ${now}, 0, 0, 0, 0, 0, 0, 'new', ${now})
      ON CONFLICT ("userId", "cardId") DO UPDATE SET due = LEAST("ReviewCard".due, EXCLUDED.due)`;
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// The review queue

export type ReviewItem =
  | {
      kind: "fact";
      cardId: string;
      question: string;
      answer: string;
      state: CardPhase;
      /** How long until the card comes back for each rating ("10m", "3d"). */
      preview: Record<Rating, string>;
    }
  | {
      kind: "step";
      cardId: string;
      state: CardPhase;
      /** A fresh variant: the scenario, the givens and earlier steps as known values, and the one step to answer. */
      prompt: ExercisePrompt;
      token: string;
      preview: Record<Rating, string>;
    };

export type ReviewSummary = NewCardAllowance & {
  /** cards to review now: due reviews and missed steps, plus the new cards today may still introduce */
  due: number;
  /** due cards that are not new flashcards (reviews, relearning, missed steps) */
  reviewsDue: number;
};

/** Due cards other than new flashcards: missed steps (new or not) and every card already introduced. */
function dueReviewsWhere(userId: string, now: Date) {
  return { userId, due: { lte: now }, NOT: { kind: "fact", state: "new" } } satisfies Prisma.ReviewCardWhereInput;
}

/** The new flashcards in the deck, in course order (cards no longer in the content are left out). */
async function newCardsInCourseOrder(userId: string, now: Date): Promise<CardRow[]> {
  const rows = await db().reviewCard.findMany({ where: { userId, kind: "fact", state: "new", due: { lte: now } }, select: cardSelect });
  const rank = courseRank();
  return rows
    .filter((row) => rank.has(row.cardId))
    .sort((a, b) => (rank.get(a.cardId) ?? 0) - (rank.get(b.cardId) ?? 0));
}

async function queueFor(userId: string, now: Date, limit: number, settings: LearnerSettings): Promise<{ rows: CardRow[]; summary: ReviewSummary }> {
  const [reviews, reviewsDue, fresh, introducedToday] = await Promise.all([
    // Missed estimation steps first (what the learner most needs), then the oldest due.
    db().reviewCard.findMany({ where: dueReviewsWhere(userId, now), orderBy: [{ kind: "desc" }, { due: "asc" }, { cardId: "asc" }], take: limit, select: cardSelect }),
    db().reviewCard.count({ where: dueReviewsWhere(userId, now) }),
    newCardsInCourseOrder(userId, now),
    countNewCardsIntroducedToday(userId, now, settings),
  ]);
  const allowance = newCardAllowance(settings.newCardsPerDay, introducedToday, fresh.length);
  // New cards come after the due reviews, up to what is left of today's limit.
  const rows = [...reviews, ...fresh.slice(0, Math.max(0, Math.min(allowance.leftToday, limit - reviews.length)))];
  return { rows, summary: { ...allowance, reviewsDue, due: reviewsDue + allowance.leftToday } };
}

/** What is waiting at `now`: due reviews, and new cards left today and beyond. */
export async function getReviewSummary(userId: string, now: Date): Promise<ReviewSummary> {
  return (await queueFor(userId, now, 0, await getSettings(userId))).summary;
}

/** How many cards are due at `now` (new cards only as many as today's limit still allows). */
export async function countDueCards(userId: string, now: Date): Promise<number> {
  return (await getReviewSummary(userId, now)).due;
}

/** The ids of the cards due at `now`, in queue order. */
export async function listDueCardIds(userId: string, now: Date, limit = 50): Promise<string[]> {
  return (await queueFor(userId, now, limit, await getSettings(userId))).rows.map((row) => row.cardId);
}

/**
 * Cards due at `now`, ready to show (content text and, for steps, a fresh variant): missed steps first, then the oldest
 * due, then new flashcards in course order up to what is left of the learner's daily limit.
 */
export async function listDueReviews(userId: string, now: Date, limit = 50, seedFor: (cardId: string) => number = randomSeed): Promise<ReviewItem[]> {
  const settings = await getSettings(userId);
  const { rows } = await queueFor(userId, now, limit, settings);
  const items: ReviewItem[] = [];
  for (const row of rows) {
    const state = stateOf(row);
    const dues = previewRatings(state, now, settings);
    const preview = {
      1: formatInterval(now, dues[1]),
      2: formatInterval(now, dues[2]),
      3: formatInterval(now, dues[3]),
      4: formatInterval(now, dues[4]),
    };
    if (row.kind === "fact") {
      const card = getCard(row.cardId);
      if (card) items.push({ kind: "fact", cardId: row.cardId, question: card.q, answer: card.a, state: state.state, preview });
    } else {
      const variant = serveStepVariant(row.cardId, seedFor(row.cardId));
      if (variant) items.push({ kind: "step", cardId: row.cardId, state: state.state, preview, ...variant });
    }
  }
  return items;
}

/**
 * One step of an exercise as a review: the scenario with a fresh seed, the earlier steps' reference answers shown as
 * known values, and only the missed step to answer.
 */
export function serveStepVariant(cardId: string, seed: number): { prompt: ExercisePrompt; token: string } | null {
  const parsed = parseStepCardId(cardId);
  if (!parsed) return null;
  const exercise = getExercise(parsed.exerciseId);
  if (!exercise) return null;
  const built = buildExercise(exercise.spec, seed);
  const index = built.steps.findIndex((step) => step.id === parsed.stepId);
  const step = built.steps[index];
  if (!step) return null;
  const earlier = built.steps.slice(0, index).map((s) => ({
    name: s.id,
    label: s.prompt.replace(/\?$/, ""),
    display: formatQuantity(s.expected, { unit: s.unit }),
  }));
  return {
    prompt: {
      id: built.id,
      seed,
      title: built.title,
      scenario: built.scenario,
      givens: [...built.givens.map((g) => ({ name: g.name, label: g.label, display: g.display })), ...earlier],
      steps: [{ id: step.id, prompt: step.prompt, unit: step.unit, kind: step.tolerance.kind === "range" ? "range" : "number", ...(step.hint ? { hint: step.hint } : {}) }],
    },
    token: seedToken(cardId, seed),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rating and undo

export const reviewSubmitSchema = z.union([
  z.strictObject({
    clientId: z.uuid(),
    cardId: z.string().min(1).max(200),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
    durationMs: z.number().int().min(0).max(24 * 3_600_000),
  }),
  z.strictObject({
    clientId: z.uuid(),
    cardId: z.string().min(1).max(200),
    answer: z.string().max(200),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    token: z.string().min(1).max(64),
    durationMs: z.number().int().min(0).max(24 * 3_600_000),
  }),
]);

export type ReviewSubmit = z.infer<typeof reviewSubmitSchema>;

export type ReviewOutcome =
  | { ok: true; rating: Rating; due: Date; state: CardPhase; grade?: StepGrade; duplicate: boolean }
  | { ok: false; status: 400 | 404 | 409; error: string };

class AlreadyStored extends Error {}

class ReviewRefused extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
  }
}

/**
 * Rate a card at `now` (a flashcard with the learner's rating, a step card with an answer that the engine grades and
 * whose verdict gives the rating). The card update and the log row are written in one transaction; a repeated client id
 * returns the stored result and writes nothing.
 */
export async function reviewCard(userId: string, input: ReviewSubmit, now: Date): Promise<ReviewOutcome> {
  const previous = await findLog(userId, input.clientId);
  if (previous) return replayReview(previous, input.cardId);

  let rating: Rating;
  let grade: StepGrade | undefined;
  if ("rating" in input) {
    rating = input.rating;
  } else {
    const graded = gradeStepReview(input.cardId, input.seed, input.token, input.answer);
    if (!graded.ok) return graded;
    grade = graded.grade;
    rating = ratingForVerdict(graded.grade.verdict, input.durationMs);
  }

  const settings = await getSettings(userId);
  try {
    const after = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<CardRow[]>`
        SELECT "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview"
        FROM "ReviewCard" WHERE "userId" = ${userId}::uuid AND "cardId" = ${input.cardId} FOR UPDATE`;
      const row = rows[0];
      if (!row) throw new ReviewRefused(404, "That card is not in your deck.");
      // A request with the same client id that committed while this one waited for the row lock: replay it.
      if (await tx.reviewLog.findUnique({ where: { userId_clientId: { userId, clientId: input.clientId } }, select: { clientId: true } })) {
        throw new AlreadyStored();
      }
      if ("rating" in input ? row.kind !== "fact" : row.kind !== "step") {
        throw new ReviewRefused(400, row.kind === "step" ? "This card is reviewed by answering the estimate, not by a rating." : "This card takes a rating from 1 to 4.");
      }
      const before = stateOf(row);
      if (before.due.getTime() > now.getTime()) throw new ReviewRefused(409, "That card is not due yet.");
      const next = scheduleReview(before, rating, now, settings);
      await tx.reviewCard.update({ where: { userId_cardId: { userId, cardId: input.cardId } }, data: columns(next) });
      await tx.reviewLog.create({
        data: {
          userId,
          clientId: input.clientId,
          cardId: input.cardId,
          kind: "rating",
          rating,
          verdict: grade?.verdict ?? null,
          before: stored(before),
          after: stored(next),
          reviewedAt: now,
          durationMs: input.durationMs,
        },
      });
      return next;
    });
    return { ok: true, rating, due: after.due, state: after.state, ...(grade ? { grade } : {}), duplicate: false };
  } catch (error) {
    if (error instanceof ReviewRefused) return { ok: false, status: error.status, error: error.message };
    if (error instanceof AlreadyStored || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
      const raced = await findLog(userId, input.clientId);
      if (raced) return replayReview(raced, input.cardId);
    }
    throw error;
  }
}

function gradeStepReview(cardId: string, seed: number, token: string, answer: string): { ok: true; grade: StepGrade } | { ok: false; status: 400; error: string } {
  const parsed = parseStepCardId(cardId);
  const exercise = parsed ? getExercise(parsed.exerciseId) : null;
  if (!parsed || !exercise) return { ok: false, status: 400, error: "That card is not an estimation step Envelope knows." };
  if (!verifySeedToken(cardId, seed, token)) return { ok: false, status: 400, error: "This variant was not served by Envelope (the seed and its token do not match). Reload the page." };
  const built = buildExercise(exercise.spec, seed);
  const grade = gradeExercise(built, { [parsed.stepId]: answer }).steps.find((step) => step.id === parsed.stepId);
  if (!grade) return { ok: false, status: 400, error: "That step no longer exists in the exercise." };
  return { ok: true, grade };
}

const logSelect = { clientId: true, cardId: true, kind: true, rating: true, after: true, verdict: true, reviewedAt: true } satisfies Prisma.ReviewLogSelect;
type LogRow = Prisma.ReviewLogGetPayload<{ select: typeof logSelect }>;

async function findLog(userId: string, clientId: string): Promise<LogRow | null> {
  return db().reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } }, select: logSelect });
}

const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

function replayReview(log: LogRow, cardId: string): ReviewOutcome {
  if (log.kind !== "rating" || log.cardId !== cardId) {
    return { ok: false, status: 409, error: "This client id was already used for a different request." };
  }
  const after = storedStateSchema.parse(log.after);
  return { ok: true, rating: ratingSchema.parse(log.rating), due: after.due, state: after.state, duplicate: true };
}

export type UndoOutcome =
  | { ok: true; cardId: string; due: Date; state: CardPhase; duplicate: boolean }
  | { ok: false; status: 409; error: string };

/**
 * Undo the learner's most recent rating that is not undone yet: the card gets back exactly the state it had before
 * (due date included), and an "undo" row naming that rating is appended to the log. Idempotent on the client id.
 */
export async function undoLastReview(userId: string, clientId: string, now: Date): Promise<UndoOutcome> {
  const previous = await findLog(userId, clientId);
  if (previous) {
    if (previous.kind !== "undo") return { ok: false, status: 409, error: "This client id was already used for a different request." };
    const after = storedStateSchema.parse(previous.after);
    return { ok: true, cardId: previous.cardId, due: after.due, state: after.state, duplicate: true };
  }
  try {
    return await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ clientId: string; cardId: string; before: unknown; after: unknown }[]>`
        SELECT r."clientId", r."cardId", r.before, r.after FROM "ReviewLog" r
        WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating'
          AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")
        ORDER BY r."reviewedAt" DESC, r."clientId" DESC LIMIT 1
        FOR UPDATE`;
      const last = rows[0];
      if (!last) throw new UndoRefused("There is nothing to undo.");
      const before = storedStateSchema.parse(last.before);
      const current = await tx.reviewCard.findUnique({ where: { userId_cardId: { userId, cardId: last.cardId } }, select: cardSelect });
      if (!current) throw new UndoRefused("The card of your last review is no longer in your deck.");
      await tx.reviewCard.update({ where: { userId_cardId: { userId, cardId: last.cardId } }, data: columns(before) });
      await tx.reviewLog.create({
        data: {
          userId,
          clientId,
          cardId: last.cardId,
          kind: "undo",
          undoes: last.clientId,
          before: stored(stateOf(current)),
          after: stored(before),
          reviewedAt: now,
          durationMs: 0,
        },
      });
      return { ok: true as const, cardId: last.cardId, due: before.due, state: before.state, duplicate: false };
    });
  } catch (error) {
    if (error instanceof UndoRefused) return { ok: false, status: 409, error: error.message };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return undoLastReview(userId, clientId, now);
    throw error;
  }
}

class UndoRefused extends Error {}

/** The stored state of one of the learner's cards (for tests and the dashboard), or null. */
export async function getCardState(userId: string, cardId: string): Promise<CardState | null> {
  const row = await db().reviewCard.findUnique({ where: { userId_cardId: { userId, cardId } }, select: cardSelect });
  return row ? stateOf(row) : null;
}

/** Every card in the learner's deck with its state. */
export async function listDeck(userId: string): Promise<(CardState & { cardId: string; kind: string })[]> {
  const rows = await db().reviewCard.findMany({ where: { userId }, select: cardSelect, orderBy: { due: "asc" } });
  return rows.map((row) => ({ ...stateOf(row), cardId: row.cardId, kind: row.kind }));
}
