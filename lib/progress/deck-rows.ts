import "server-only";
import type { CardRow } from "./card-codec";
import { db } from "./db";

// The learner's whole deck is what the review, today and progress pages each start from (hundreds of rows once the
// course's cards are added). Read raw, as plain columns: for a full deck Prisma's findMany spends about twice the CPU
// of the same rows read by $queryRaw, and the pages read nothing else as large.

/** A card as the counts need it: which card, its kind and phase, and when it is due. */
export type DeckDue = Pick<CardRow, "cardId" | "kind" | "state" | "due">;

/** Every card of the learner's deck with its whole scheduling state (the columns of `cardSelect`). */
export function readDeckRows(userId: string): Promise<CardRow[]> {
  return db().$queryRaw<CardRow[]>`
    SELECT "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state,
      "lastReview"
    FROM "ReviewCard" WHERE "userId" = ${userId}::uuid`;
}

/** Every card of the learner's deck: its id, kind, phase and due date only. */
export function readDeckDues(userId: string): Promise<DeckDue[]> {
  return db().$queryRaw<
    DeckDue[]
  >`SELECT "cardId", kind, state, due FROM "ReviewCard" WHERE "userId" = ${userId}::uuid`;
}
