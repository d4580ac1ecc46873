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
import { readDeckRows, type DeckDue } from "./deck-rows";
import { getFitStatus, type FitStatus } from "./fit-params";
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
  return inCourseOrder(rows);
}

/** New flashcards in course order; cards no longer in the content are left out. */
function inCourseOrder(rows: readonly CardRow[]): CardRow[] {
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
  const [due, fresh, introducedToday] = await Promise.all([
    // Every due review when some are to be shown (their count comes with them), else only the count.
    limit > 0
      ? db().reviewCard.findMany({ where: dueReviewsWhere(userId, horizon), select: cardSelect })
      : db().reviewCard.count({ where: dueReviewsWhere(userId, horizon) }),
    newCardsInCourseOrder(userId, now),
    countNewCardsIntroducedToday(userId, now, settings),
  ]);
  return queueOf(
    typeof due === "number" ? { count: due } : { rows: due },
    fresh,
    introducedToday,
    now,
    limit,
    settings,
  );
}

/**
 * The queue from the rows read: the due reviews (their rows, or when none are to be shown only their count), the new
 * flashcards in course order and how many new cards today has introduced.
 */
function queueOf(
  due: { rows: readonly CardRow[] } | { count: number },
  fresh: readonly CardRow[],
  introducedToday: number,
  now: Date,
  limit: number,
  settings: LearnerSettings,
): { rows: CardRow[]; summary: ReviewSummary } {
  // Missed estimation steps first (what the learner most needs), then the most overdue relative to its interval.
  const reviews = "rows" in due && limit > 0 ? orderDueReviews(due.rows, now).slice(0, limit) : [];
  const reviewsDue = "rows" in due ? due.rows.length : due.count;
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
  return upcomingReviews(userId, now, limit, seedFor, await getSettings(userId));
}

async function upcomingReviews(
  userId: string,
  now: Date,
  limit: number,
  seedFor: (cardId: string) => number,
  settings: LearnerSettings,
): Promise<(ReviewItem & { dueAt: Date })[]> {
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

/**
 * The queue at `now` from the learner's whole deck as read (and how many new cards today has introduced): the same
 * rows and summary as the queue read on its own gives. `limit` 0 gives only the summary.
 */
function queueOfDeck(
  deck: readonly CardRow[],
  introducedToday: number,
  now: Date,
  limit: number,
  settings: LearnerSettings,
): { rows: CardRow[]; summary: ReviewSummary } {
  const horizon = dueHorizon(now, settings);
  const isNewFact = (row: CardRow) => row.kind === "fact" && row.state === "new";
  const due = deck.filter((row) => row.due <= horizon && !isNewFact(row));
  const fresh = inCourseOrder(deck.filter((row) => isNewFact(row) && row.due <= now));
  return queueOf({ rows: due }, fresh, introducedToday, now, limit, settings);
}

/**
 * The queue's summary at `now` from the learner's whole deck as read (its cards' ids, kinds, phases and due dates) and
 * how many new cards today has introduced: the same summary as getReviewSummary gives.
 */
export function summaryOfDeck(
  deck: readonly DeckDue[],
  introducedToday: number,
  now: Date,
  settings: LearnerSettings,
): ReviewSummary {
  const horizon = dueHorizon(now, settings);
  const rank = courseRank();
  let reviewsDue = 0;
  let fresh = 0;
  for (const card of deck) {
    if (card.kind === "fact" && card.state === "new") {
      if (card.due <= now && rank.has(card.cardId)) fresh++;
    } else if (card.due <= horizon) reviewsDue++;
  }
  const allowance = newCardAllowance(settings.newCardsPerDay, introducedToday, fresh);
  return { ...allowance, reviewsDue, due: reviewsDue + allowance.leftToday };
}

/** What the review page shows, read in one go: see getReviewPage. */
export type ReviewPage = {
  settings: LearnerSettings;
  /** the queue at `now`, as listDueReviews gives it */
  items: ReviewItem[];
  /** the cards coming due in the next 24 hours, as listUpcomingReviews gives them */
  upcoming: (ReviewItem & { dueAt: Date })[];
  summary: ReviewSummary;
  /** cards in the deck, and how many of them are missed estimation steps */
  deckSize: number;
  stepCards: number;
  fitStatus: FitStatus;
};

/**
 * Everything the review page shows for a learner at `now`, the same as listDueReviews, listUpcomingReviews,
 * getReviewSummary, listDeck and getFitStatus give, with the settings and the deck each read once: the due reviews and
 * the new cards are taken from the deck rows instead of being read again.
 */
export async function getReviewPage(
  userId: string,
  now: Date,
  limit = 50,
  seedFor: (cardId: string) => number = randomSeed,
): Promise<ReviewPage> {
  const settings = await getSettings(userId);
  const [deck, introducedToday, upcoming, fitStatus] = await Promise.all([
    readDeckRows(userId),
    countNewCardsIntroducedToday(userId, now, settings),
    upcomingReviews(userId, now, limit, seedFor, settings),
    getFitStatus(userId),
  ]);
  const { rows, summary } = queueOfDeck(deck, introducedToday, now, limit, settings);
  return {
    settings,
    items: rows.flatMap((row) => {
      const item = reviewItemOf(row, now, settings, seedFor);
      return item ? [item] : [];
    }),
    upcoming,
    summary,
    deckSize: deck.length,
    stepCards: deck.filter((row) => row.kind === "step").length,
    fitStatus,
  };
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
