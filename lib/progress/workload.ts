import "server-only";
import {
  RETENTION_MAX,
  RETENTION_MIN,
  clampRetention,
  median,
  simulateWorkload,
  type CardState,
  type WorkloadAverage,
} from "@/lib/srs";
import { cardSelect, cardStateOf } from "./card-codec";
import { db } from "./db";
import { courseRank } from "./new-cards";
import { getSettings } from "./settings";

// What each desired retention would cost this learner: their deck, new cards and scheduler settings run through
// lib/srs's simulator, so the settings form can show 0.90 against 0.95 in their own reviews and minutes a day.

/** The retentions the table always shows (the learner's own is added when it is another). */
export const WORKLOAD_RETENTIONS = [0.8, 0.85, 0.9, 0.95, 0.97] as const;
/** Six months ahead: long enough for a fresh deck's new cards to settle into reviews. */
export const WORKLOAD_HORIZON_DAYS = 180;
/**
 * Seconds a review takes before the learner has timed enough of their own: fsrs-rs's simulator assumes 7.33 s for a
 * review rated Good (`SimulatorConfig::default().review_costs`, measured on Anki users), rounded up for a flashcard.
 */
export const DEFAULT_SECONDS_PER_REVIEW = 8;
/**
 * Answer times are capped at a minute, as Anki caps them (Deck options › Timer › Maximum answer seconds, default 60):
 * a card left open while the learner made tea says nothing about how long a review takes.
 */
const MAX_SECONDS_COUNTED = 60;
/** Timed reviews needed before the learner's own median replaces the default (fewer is mostly noise). */
const MIN_TIMED_REVIEWS = 20;
/** Only the latest reviews are timed: the learner's current pace, read in one indexed query. */
const TIMED_REVIEWS_READ = 1000;
/** A fixed seed: the same deck gives the same table on every load, and every retention sees the same draws. */
const SIMULATION_SEED = 20_260_601;

/** One retention's cost: reviews and minutes a day over the first 30 days and over the whole horizon. */
export type WorkloadRow = {
  desiredRetention: number;
  /** true for the retention the learner has saved */
  current: boolean;
  first30: WorkloadAverage;
  horizon: WorkloadAverage;
};

/** What GET /api/reviews/workload answers: the table, and what it was worked out from. */
export type WorkloadTable = {
  /** rows in increasing retention */
  rows: WorkloadRow[];
  horizonDays: number;
  secondsPerReview: number;
  /** "yours": the median of the learner's own timed reviews; "default": too few of them yet */
  secondsSource: "yours" | "default";
  /** cards already in play (reviews, learning, missed steps) and new flashcards still to be introduced */
  cardsInPlay: number;
  newCards: number;
  newCardsPerDay: number;
};

/**
 * Seconds per review for the simulation: the median of the learner's latest timed ratings (each capped at a minute),
 * or the default while they have fewer than 20.
 */
async function secondsPerReview(userId: string): Promise<{ seconds: number; source: "yours" | "default" }> {
  const rows = await db().reviewLog.findMany({
    where: { userId, kind: "rating", durationMs: { gt: 0 } },
    select: { durationMs: true },
    orderBy: { reviewedAt: "desc" },
    take: TIMED_REVIEWS_READ,
  });
  if (rows.length < MIN_TIMED_REVIEWS) return { seconds: DEFAULT_SECONDS_PER_REVIEW, source: "default" };
  const seconds = median(rows.map((row) => Math.min(row.durationMs / 1000, MAX_SECONDS_COUNTED)));
  return { seconds: Math.round(seconds * 10) / 10, source: "yours" };
}

/**
 * The learner's workload at `now` for each of a few desired retentions (0.80 to 0.97, and their own), over the next
 * 180 days: their deck as stored, the new flashcards still waiting (introduced `newCardsPerDay` a day, as the review
 * queue does) and their scheduler settings (with fitted weights when they have them). An empty deck gives zeros.
 */
export async function getWorkloadTable(userId: string, now: Date): Promise<WorkloadTable> {
  const [settings, rows, timing] = await Promise.all([
    getSettings(userId),
    db().reviewCard.findMany({ where: { userId }, select: cardSelect }),
    secondsPerReview(userId),
  ]);
  // New flashcards wait for the daily allowance (only those still in the content, as the queue serves them); every
  // other card, missed steps included, comes back on its own due date.
  const rank = courseRank();
  const cards: CardState[] = [];
  let newCards = 0;
  for (const row of rows) {
    if (row.kind === "fact" && row.state === "new") {
      if (rank.has(row.cardId)) newCards++;
    } else cards.push(cardStateOf(row));
  }
  // To the slider's hundredths, so 0.9 saved as 0.9000001 is still the 0.90 row.
  const current = Math.round(clampRetention(settings.desiredRetention) * 100) / 100;
  const retentions = [...new Set<number>([...WORKLOAD_RETENTIONS, current])]
    .filter((retention) => retention >= RETENTION_MIN && retention <= RETENTION_MAX)
    .sort((a, b) => a - b);
  return {
    rows: retentions.map((desiredRetention) => {
      const workload = simulateWorkload({
        cards,
        newCards,
        newCardsPerDay: settings.newCardsPerDay,
        // The whole settings object, so fitted weights (when the learner has them) reach the scheduler.
        settings: { ...settings, desiredRetention },
        start: now,
        days: WORKLOAD_HORIZON_DAYS,
        secondsPerReview: timing.seconds,
        seed: SIMULATION_SEED,
      });
      return {
        desiredRetention,
        current: desiredRetention === current,
        first30: workload.first30,
        horizon: workload.horizon,
      };
    }),
    horizonDays: WORKLOAD_HORIZON_DAYS,
    secondsPerReview: timing.seconds,
    secondsSource: timing.source,
    cardsInPlay: cards.length,
    newCards,
    newCardsPerDay: settings.newCardsPerDay,
  };
}
