import "server-only";
import type { ExercisePrompt } from "@/lib/engine";
import { judgementCardText } from "./judgement-cards";
import { pointCardText } from "./point-cards";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  formatInterval,
  newCardAllowance,
  orderBacklog,
  previewRatings,
  type CardPhase,
  type CardState,
  type NewCardAllowance,
  type Rating,
} from "@/lib/srs";
import { cardSelect, cardStateOf, type CardRow } from "./card-codec";
import { course } from "./course";
import { db } from "./db";
import { countNewCardsIntroducedToday, courseRank } from "./new-cards";
import { randomSeed } from "./seed-token";
import { dueHorizon, getSettings, type LearnerSettings } from "./settings";
import { serveStepVariant } from "./step-cards";

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

/**
 * Due cards other than new flashcards: missed steps (new or not) and every card already introduced, due by `horizon`
 * (now, or on the eve of the interview the end of the final pass).
 */
function dueReviewsWhere(userId: string, horizon: Date) {
  return { userId, due: { lte: horizon }, NOT: { kind: "fact", state: "new" } } satisfies Prisma.ReviewCardWhereInput;
}

/** The new flashcards in the deck, in course order (cards no longer in the content are left out). */
async function newCardsInCourseOrder(userId: string, now: Date): Promise<CardRow[]> {
  const rows = await db().reviewCard.findMany({
    where: { userId, kind: "fact", state: "new", due: { lte: now } },
    select: cardSelect,
  });
  const rank = courseRank();
  return rows
    .filter((row) => rank.has(row.cardId))
    .sort((a, b) => (rank.get(a.cardId) ?? 0) - (rank.get(b.cardId) ?? 0));
}

/**
 * Due cards in queue order: by kind (missed estimation steps, then missed case points and judgements, then flashcards),
 * and within a kind the most overdue relative to its interval first (lib/srs `orderBacklog`), so after a break a card
 * three days late on a two-day interval comes before one ten days late on a year.
 */
function orderDueReviews(rows: readonly CardRow[], now: Date): CardRow[] {
  const kinds = [...new Set(rows.map((row) => row.kind))].sort().reverse();
  return kinds.flatMap((kind) =>
    orderBacklog(
      rows.filter((row) => row.kind === kind),
      now,
    ),
  );
}

async function queueFor(
  userId: string,
  now: Date,
  limit: number,
  settings: LearnerSettings,
): Promise<{ rows: CardRow[]; summary: ReviewSummary }> {
  const horizon = dueHorizon(now, settings);
  const [reviews, reviewsDue, fresh, introducedToday] = await Promise.all([
    // Missed estimation steps first (what the learner most needs), then the most overdue relative to its interval.
    limit > 0
      ? db()
          .reviewCard.findMany({ where: dueReviewsWhere(userId, horizon), select: cardSelect })
          .then((rows) => orderDueReviews(rows, now).slice(0, limit))
      : Promise.resolve([]),
    db().reviewCard.count({ where: dueReviewsWhere(userId, horizon) }),
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

function previewOf(state: CardState, now: Date, settings: LearnerSettings): Record<Rating, string> {
  const dues = previewRatings(state, now, settings);
  return {
    1: formatInterval(now, dues[1]),
    2: formatInterval(now, dues[2]),
    3: formatInterval(now, dues[3]),
    4: formatInterval(now, dues[4]),
  };
}

/**
 * Cards due at `now`, ready to show (content text and, for steps, a fresh variant): missed steps first, then the most
 * overdue relative to its interval, then new flashcards in course order up to what is left of the learner's daily limit.
 */
export async function listDueReviews(
  userId: string,
  now: Date,
  limit = 50,
  seedFor: (cardId: string) => number = randomSeed,
): Promise<ReviewItem[]> {
  const settings = await getSettings(userId);
  const { rows } = await queueFor(userId, now, limit, settings);
  return rows.flatMap((row) => {
    const item = reviewItemOf(row, now, settings, seedFor);
    return item ? [item] : [];
  });
}

/** How far ahead the review page sends cards, so the ones that come due while the learner is offline can be done. */
export const REVIEW_AHEAD_MS = 24 * 3_600_000;

/**
 * The cards that come due after `now` and within the next 24 hours (not new flashcards, which wait for their day),
 * soonest first, each with when it comes due and the ratings' intervals as they will be then. The review page holds
 * them, so a queue opened online and used offline later still offers every card that came due in the meantime.
 */
export async function listUpcomingReviews(
  userId: string,
  now: Date,
  limit = 50,
  seedFor: (cardId: string) => number = randomSeed,
): Promise<(ReviewItem & { dueAt: Date })[]> {
  const settings = await getSettings(userId);
  const rows = await db().reviewCard.findMany({
    where: {
      userId,
      due: { gt: dueHorizon(now, settings), lte: new Date(now.getTime() + REVIEW_AHEAD_MS) },
      NOT: { kind: "fact", state: "new" },
    },
    select: cardSelect,
    orderBy: [{ due: "asc" }, { cardId: "asc" }],
    take: limit,
  });
  return rows.flatMap((row) => {
    const item = reviewItemOf(row, row.due, settings, seedFor);
    return item ? [{ ...item, dueAt: row.due }] : [];
  });
}

/** One card ready to show at `at`: its content text, or for a missed step a fresh variant; null when it left the content. */
function reviewItemOf(
  row: CardRow,
  at: Date,
  settings: LearnerSettings,
  seedFor: (cardId: string) => number,
): ReviewItem | null {
  const state = cardStateOf(row);
  const preview = previewOf(state, at, settings);
  if (row.kind === "fact") {
    const card = course.card(row.cardId);
    return card
      ? { kind: "fact", cardId: row.cardId, question: card.q, answer: card.a, state: state.state, preview }
      : null;
  }
  if (row.kind === "point" || row.kind === "judgement") {
    // A missed key point of a case, or a missed judgement question, is reviewed like a flashcard.
    const card = row.kind === "point" ? pointCardText(row.cardId) : judgementCardText(row.cardId);
    return card
      ? { kind: "fact", cardId: row.cardId, question: card.question, answer: card.answer, state: state.state, preview }
      : null;
  }
  const variant = serveStepVariant(row.cardId, seedFor(row.cardId));
  return variant ? { kind: "step", cardId: row.cardId, state: state.state, preview, ...variant } : null;
}
