import "server-only";
import { z } from "zod";
import type { StepGrade } from "@/lib/engine";
import { Prisma } from "@/lib/generated/prisma/client";
import { ratingForVerdict, scheduleReview, type CardPhase, type Rating } from "@/lib/srs";
import { settleSchedule } from "./balance-load";
import {
  cardSelect,
  cardStateColumns,
  cardStateFromJson,
  cardStateJson,
  cardStateOf,
  type CardRow,
} from "./card-codec";
import { db } from "./db";
import { refuse, type Refusal } from "./outcome";
import { CLIENT_ID_REUSED, findLog, ratingSchema, type LogRow } from "./review-log";
import { MAX_ANSWER_LENGTH, MAX_SEED } from "./limits";
import { REVIEW_AHEAD_MS } from "./review-queue";
import { dueHorizon, getSettings } from "./settings";
import { gradeStepReview } from "./step-cards";

export const reviewSubmitSchema = z.union([
  z.strictObject({
    clientId: z.uuid(),
    cardId: z.string().min(1).max(200),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
      message: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
    }),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000),
    early: z.literal(true).optional(),
  }),
  z.strictObject({
    clientId: z.uuid(),
    cardId: z.string().min(1).max(200),
    answer: z.string().max(MAX_ANSWER_LENGTH, { message: `an answer is at most ${MAX_ANSWER_LENGTH} characters` }),
    seed: z.number().int().min(0).max(MAX_SEED),
    token: z.string().min(1).max(64),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000),
    early: z.literal(true).optional(),
  }),
]);

export type ReviewSubmit = z.infer<typeof reviewSubmitSchema>;

/** The columns of `cardSelect`, quoted for the one raw statement that locks and reads a card. */
const CARD_COLUMNS = Prisma.raw(
  Object.keys(cardSelect)
    .map((column) => `"${column}"`)
    .join(", "),
);

export type ReviewOutcome =
  { ok: true; rating: Rating; due: Date; state: CardPhase; grade?: StepGrade; duplicate: boolean } | Refusal;

/** Thrown inside the transaction to roll it back; turned into a refusal outside. */
class ReviewRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

class AlreadyStored extends Error {}

/**
 * Rate a card at `now` (a flashcard with the learner's rating, a step card with an answer that the engine grades and
 * whose verdict gives the rating). The card update and the log row are written in one transaction; a repeated client id
 * with the same body returns the stored result and writes nothing, and with another body it is refused (conflict).
 */
export async function reviewCard(userId: string, input: ReviewSubmit, now: Date): Promise<ReviewOutcome> {
  const previous = await findLog(userId, input.clientId);
  if (previous) return replayReview(previous, input);

  let rating: Rating;
  let grade: StepGrade | undefined;
  if ("rating" in input) {
    rating = input.rating;
  } else {
    const graded = gradeStepReview(input.cardId, input.seed, input.token, input.answer);
    if (!graded.ok) return graded;
    // An answer the engine could not read is not a wrong answer: nothing is rated, and the learner can type it again.
    if (graded.grade.verdict === "unreadable")
      return refuse("invalid", graded.grade.message || "That answer could not be read.");
    grade = graded.grade;
    rating = ratingForVerdict(graded.grade.verdict, input.durationMs);
  }

  const settings = await getSettings(userId);
  try {
    const after = await db().$transaction(async (tx) => {
      // Lock the card row and read it in one statement, so two ratings of one card are applied one after the other
      // (after a wait for the lock, PostgreSQL returns the row as the other rating left it).
      const [row] = await tx.$queryRaw<CardRow[]>`
        SELECT ${CARD_COLUMNS} FROM "ReviewCard" WHERE "userId" = ${userId}::uuid AND "cardId" = ${input.cardId} FOR UPDATE`;
      if (!row) throw new ReviewRefused(refuse("not-found", "That card is not in your deck."));
      // A request with the same client id that committed while this one waited for the row lock: replay it. (A statement
      // of its own: the lock's statement saw the log as it was when it started.)
      if (
        await tx.reviewLog.findUnique({
          where: { userId_clientId: { userId, clientId: input.clientId } },
          select: { clientId: true },
        })
      ) {
        throw new AlreadyStored();
      }
      if ("rating" in input ? row.kind === "step" : row.kind !== "step") {
        throw new ReviewRefused(
          refuse(
            "invalid",
            row.kind === "step"
              ? "This card is reviewed by answering the estimate, not by a rating."
              : "This card takes a rating from 1 to 4.",
          ),
        );
      }
      const before = cardStateOf(row);
      // A card the page held as coming due within a day (`early`) may be rated before the server's clock agrees: it
      // came due on the learner's device, perhaps offline, and a refusal now would lose the review.
      const horizon = input.early
        ? Math.max(dueHorizon(now, settings).getTime(), now.getTime() + REVIEW_AHEAD_MS)
        : dueHorizon(now, settings).getTime();
      if (before.due.getTime() > horizon) throw new ReviewRefused(refuse("conflict", "That card is not due yet."));
      const next = await settleSchedule(
        tx,
        userId,
        input.cardId,
        scheduleReview(before, rating, now, settings),
        now,
        settings,
      );
      await tx.reviewCard.update({
        where: { userId_cardId: { userId, cardId: input.cardId } },
        data: cardStateColumns(next),
      });
      await tx.reviewLog.create({
        data: {
          userId,
          clientId: input.clientId,
          cardId: input.cardId,
          kind: "rating",
          rating,
          verdict: grade?.verdict ?? null,
          answer: "answer" in input ? input.answer : null,
          seed: "answer" in input ? input.seed : null,
          before: cardStateJson(before),
          after: cardStateJson(next),
          reviewedAt: now,
          durationMs: input.durationMs,
        },
      });
      return next;
    });
    return { ok: true, rating, due: after.due, state: after.state, ...(grade ? { grade } : {}), duplicate: false };
  } catch (error) {
    if (error instanceof ReviewRefused) return error.refusal;
    if (
      error instanceof AlreadyStored ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    ) {
      const raced = await findLog(userId, input.clientId);
      if (raced) return replayReview(raced, input);
    }
    throw error;
  }
}

/** Is the stored rating the one this request asks for? (A step rating stored before answers were kept: its card.) */
function sameReview(log: LogRow, input: ReviewSubmit): boolean {
  if (log.kind !== "rating" || log.cardId !== input.cardId || log.durationMs !== input.durationMs) return false;
  if ("rating" in input) return log.verdict === null && log.rating === input.rating;
  if (log.verdict === null) return false;
  return log.answer === null || (log.answer === input.answer && log.seed === input.seed);
}

/** A request whose client id is stored: the stored result when it is the same request, else a conflict. */
function replayReview(log: LogRow, input: ReviewSubmit): ReviewOutcome {
  if (!sameReview(log, input)) return refuse("conflict", CLIENT_ID_REUSED);
  const after = cardStateFromJson(log.after);
  return { ok: true, rating: ratingSchema.parse(log.rating), due: after.due, state: after.state, duplicate: true };
}
