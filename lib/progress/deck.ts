import "server-only";
import { listCards, type ModuleId } from "@/lib/content";
import { newCardState, type CardState } from "@/lib/srs";
import { cardSelect, cardStateColumns, cardStateOf } from "./card-codec";
import { db, type Tx } from "./db";
import { listPublishedCards } from "./new-cards";

/**
 * Add flashcards to the learner's deck (new, due now). Cards already there keep their state. Returns how many were new.
 * `tx`: the transaction to write in, when the cards come with another write (a lesson completed by an attempt).
 */
export async function addCardsToDeck(
  userId: string,
  cardIds: readonly string[],
  now: Date,
  tx: Tx = db(),
): Promise<number> {
  const known = listCards();
  const ids = [...new Set(cardIds)].filter((id) => known.has(id));
  if (ids.length === 0) return 0;
  const fresh = cardStateColumns(newCardState(now));
  const result = await tx.reviewCard.createMany({
    data: ids.map((cardId) => ({ userId, cardId, kind: "fact", ...fresh })),
    skipDuplicates: true,
  });
  return result.count;
}

/**
 * The cards of one lesson join the deck: when the learner completes it, or asks for them. A lesson that does not exist
 * yet ("coming soon") adds nothing, even when its cards are written.
 */
export async function addLessonCards(userId: string, lessonId: string, now: Date, tx: Tx = db()): Promise<number> {
  const ids = listPublishedCards()
    .filter((card) => card.lessonId === lessonId)
    .map((card) => card.id);
  return addCardsToDeck(userId, ids, now, tx);
}

/** Every card of a module's published lessons joins the deck (they are introduced a few a day, in course order). */
export async function addModuleCards(userId: string, module: ModuleId, now: Date): Promise<number> {
  const ids = listPublishedCards()
    .filter((card) => card.module === module)
    .map((card) => card.id);
  return addCardsToDeck(userId, ids, now);
}

/** The stored state of one of the learner's cards (for tests and the dashboard), or null. */
export async function getCardState(userId: string, cardId: string): Promise<CardState | null> {
  const row = await db().reviewCard.findUnique({ where: { userId_cardId: { userId, cardId } }, select: cardSelect });
  return row ? cardStateOf(row) : null;
}

/** Every card in the learner's deck with its state. */
export async function listDeck(userId: string): Promise<(CardState & { cardId: string; kind: string })[]> {
  const rows = await db().reviewCard.findMany({ where: { userId }, select: cardSelect, orderBy: { due: "asc" } });
  return rows.map((row) => ({ ...cardStateOf(row), cardId: row.cardId, kind: row.kind }));
}
