import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CardPhase } from "@/lib/srs";
import { cardSelect, cardStateColumns, cardStateFromJson, cardStateJson, cardStateOf } from "./card-codec";
import { db } from "./db";
import { refuse, type Refusal } from "./outcome";
import { CLIENT_ID_REUSED, findLog } from "./review-log";

export type UndoOutcome = { ok: true; cardId: string; due: Date; state: CardPhase; duplicate: boolean } | Refusal;

/** Thrown inside the transaction to roll it back; turned into a refusal outside. */
class UndoRefused extends Error {}

/** An undo with this client id committed while this one waited its turn: answered from its row. */
class AlreadyStored extends Error {}

/**
 * Undo the learner's most recent rating that is not undone yet: the card gets back exactly the state it had before
 * (due date included), and an "undo" row naming that rating is appended to the log. Idempotent on the client id.
 * Exactly once: a learner's undos take turns, so undos sent together each undo a different rating (or are told there
 * is nothing left to undo), and a rating is undone at most once (a unique key on the log's `undoes` holds it).
 */
export async function undoLastReview(userId: string, clientId: string, now: Date): Promise<UndoOutcome> {
  const previous = await findLog(userId, clientId);
  if (previous) {
    if (previous.kind !== "undo") return refuse("conflict", CLIENT_ID_REUSED);
    const after = cardStateFromJson(previous.after);
    return { ok: true, cardId: previous.cardId, due: after.due, state: after.state, duplicate: true };
  }
  try {
    return await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`undo:${userId}`}))`;
      // Each statement after the lock sees every undo committed before it (read committed).
      const same = await tx.reviewLog.findUnique({
        where: { userId_clientId: { userId, clientId } },
        select: { clientId: true },
      });
      if (same) throw new AlreadyStored();
      const rows = await tx.$queryRaw<{ clientId: string; cardId: string; before: unknown }[]>`
        SELECT r."clientId", r."cardId", r.before FROM "ReviewLog" r
        WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating'
          AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")
        ORDER BY r."reviewedAt" DESC, r."clientId" DESC LIMIT 1
        FOR UPDATE`;
      const last = rows[0];
      if (!last) throw new UndoRefused("There is nothing to undo.");
      const before = cardStateFromJson(last.before);
      const current = await tx.reviewCard.findUnique({
        where: { userId_cardId: { userId, cardId: last.cardId } },
        select: cardSelect,
      });
      if (!current) throw new UndoRefused("The card of your last review is no longer in your deck.");
      await tx.reviewCard.update({
        where: { userId_cardId: { userId, cardId: last.cardId } },
        data: cardStateColumns(before),
      });
      await tx.reviewLog.create({
        data: {
          userId,
          clientId,
          cardId: last.cardId,
          kind: "undo",
          undoes: last.clientId,
          before: cardStateJson(cardStateOf(current)),
          after: cardStateJson(before),
          reviewedAt: now,
          durationMs: 0,
        },
      });
      return { ok: true as const, cardId: last.cardId, due: before.due, state: before.state, duplicate: false };
    });
  } catch (error) {
    if (error instanceof UndoRefused) return refuse("conflict", error.message);
    // Another undo with this client id, or of this rating, committed first: answer again from what is stored now.
    if (
      error instanceof AlreadyStored ||
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    )
      return undoLastReview(userId, clientId, now);
    throw error;
  }
}
