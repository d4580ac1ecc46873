// What a desired retention costs: a day-by-day simulation of a learner's deck under the scheduler, so the settings can
// show reviews and minutes a day for 0.90 against 0.95 on the learner's own cards. Pure and deterministic: the start,
// the horizon and the random seed are arguments.
import { newCardState, retrievability, scheduleReview } from "./scheduler";
import type { CardState, SchedulerSettings } from "./types";

const DAY_MS = 86_400_000;

/**
 * Same-day learning and relearning steps a card may take in one simulated day before it is left for the next. Envelope's
 * steps (1 and 10 minutes, relearning 10 minutes) graduate a card rated Good in two; the cap only guards the loop.
 */
const MAX_STEPS_A_DAY = 8;

/** What one simulated day costs. */
export type WorkloadDay = {
  /** days after `start`: day 0 is the 24 hours from `start` */
  readonly day: number;
  /** every rating given that day: due reviews, relearning steps, new cards' first sight and their learning steps */
  readonly reviews: number;
  /** new cards introduced that day (at most the daily allowance) */
  readonly newCards: number;
  /** reviews × seconds per review / 60 */
  readonly minutes: number;
};

/** Averages per day over a span of simulated days. */
export type WorkloadAverage = {
  readonly reviewsPerDay: number;
  readonly newCardsPerDay: number;
  readonly minutesPerDay: number;
};

/** A simulation's result: every day, and the averages over the first 30 days and over the whole horizon. */
export type Workload = {
  readonly desiredRetention: number;
  readonly days: readonly WorkloadDay[];
  /** the first 30 days (or the whole horizon when shorter) */
  readonly first30: WorkloadAverage;
  readonly horizon: WorkloadAverage;
};

/** What a simulation needs: the deck, the new cards still to come, the scheduler and the learner's pace. */
export type WorkloadInput = {
  /** the cards already in play (any phase), each coming back on its own due date; a card still new is met at its due */
  readonly cards: readonly CardState[];
  /** new cards waiting to be introduced, `newCardsPerDay` a day */
  readonly newCards: number;
  readonly newCardsPerDay: number;
  /** the scheduler settings to simulate (desired retention, and fitted weights when the learner has them) */
  readonly settings: SchedulerSettings;
  readonly start: Date;
  /** how many days to simulate, 1 or more */
  readonly days: number;
  readonly secondsPerReview: number;
  /** the seed of the recall draws: the same seed gives the same result */
  readonly seed: number;
};

/**
 * A tiny seeded PRNG (mulberry32, the one lib/engine uses for drill variants). Written out here because lib/srs may
 * import only types from lib/engine (see eslint.config.mjs), and this is six lines.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function checkInput(input: WorkloadInput): void {
  const wholeAtLeast = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!wholeAtLeast(input.days, 1))
    throw new RangeError(`days must be a whole number of at least 1, got ${input.days}`);
  if (!wholeAtLeast(input.newCards, 0))
    throw new RangeError(`newCards must be a whole number of at least 0, got ${input.newCards}`);
  if (!wholeAtLeast(input.newCardsPerDay, 0))
    throw new RangeError(`newCardsPerDay must be a whole number of at least 0, got ${input.newCardsPerDay}`);
  if (!Number.isFinite(input.secondsPerReview) || input.secondsPerReview < 0)
    throw new RangeError(`secondsPerReview must be a number of at least 0, got ${input.secondsPerReview}`);
  if (Number.isNaN(input.start.getTime())) throw new RangeError("start must be a valid date");
}

function average(days: readonly WorkloadDay[]): WorkloadAverage {
  const n = days.length || 1;
  let reviews = 0;
  let newCards = 0;
  let minutes = 0;
  for (const day of days) {
    reviews += day.reviews;
    newCards += day.newCards;
    minutes += day.minutes;
  }
  return { reviewsPerDay: reviews / n, newCardsPerDay: newCards / n, minutesPerDay: minutes / n };
}

/**
 * Simulate `days` days of reviews of a deck under `settings`, the way Anki's FSRS simulator does. Each day, every card
 * due by the day's end is reviewed (at its due time, or at the day's start when already overdue) and recalled with
 * probability R = its FSRS retrievability at that moment: recalled → Good (3); forgotten → Again (1), then its
 * relearning step the same day, rated Good (both count; a card still in its learning steps starts them again). Then up to `newCardsPerDay` new cards are introduced: first
 * sight rated Good and the learning steps that follow the same day rated Good. Days are 24-hour spans from `start`.
 * minutes = reviews × secondsPerReview / 60. Higher retention means shorter intervals, so more reviews a day.
 * Throws a RangeError on a horizon under one day or a negative count (a mistake of the caller, not of the learner).
 * @see https://github.com/open-spaced-repetition/fsrs-rs `simulator.rs` (the simulator behind Anki's FSRS helper).
 * @example simulateWorkload({ cards: [], newCards: 100, newCardsPerDay: 20, settings: DEFAULT_SETTINGS, start,
 *   days: 180, secondsPerReview: 8, seed: 1 }).first30 // { reviewsPerDay: ≈ 9, newCardsPerDay: 3.33, minutesPerDay: ≈ 1.2 }
 */
export function simulateWorkload(input: WorkloadInput): Workload {
  checkInput(input);
  const { settings, days, secondsPerReview } = input;
  const random = seededRandom(input.seed);
  const startMs = input.start.getTime();
  const dayOf = (due: Date) => Math.max(0, Math.floor((due.getTime() - startMs) / DAY_MS));

  // Cards bucketed by the day they come due; a card reviewed on day d goes to the bucket of its next due day (> d).
  const buckets: CardState[][] = Array.from({ length: days }, () => []);
  for (const card of input.cards) buckets[dayOf(card.due)]?.push(card);

  let waiting = input.newCards;
  const result: WorkloadDay[] = [];
  for (let day = 0; day < days; day++) {
    const dayStartMs = startMs + day * DAY_MS;
    const dayEndMs = dayStartMs + DAY_MS;
    let reviews = 0;

    /** Rate a card at `at`, then take its same-day steps rated Good; file it under its next due day. */
    const review = (card: CardState, rating: 1 | 3, at: Date) => {
      let next = scheduleReview(card, rating, at, settings);
      reviews++;
      for (let step = 0; step < MAX_STEPS_A_DAY && next.due.getTime() < dayEndMs; step++) {
        next = scheduleReview(next, 3, next.due, settings);
        reviews++;
      }
      // Never back into today's bucket (it is being read): a card still stepping after the cap waits for tomorrow.
      buckets[Math.max(day + 1, dayOf(next.due))]?.push(next);
    };

    for (const card of buckets[day] ?? []) {
      const at = card.due.getTime() > dayStartMs ? card.due : new Date(dayStartMs);
      // A card never rated has no memory to recall: its first sight is rated Good, as when it is introduced.
      const recalled = card.state === "new" || random() < retrievability(card, at, settings);
      review(card, recalled ? 3 : 1, at);
    }
    buckets[day] = [];

    const introduced = Math.min(input.newCardsPerDay, waiting);
    waiting -= introduced;
    const introducedAt = new Date(dayStartMs);
    for (let i = 0; i < introduced; i++) review(newCardState(introducedAt), 3, introducedAt);

    result.push({ day, reviews, newCards: introduced, minutes: (reviews * secondsPerReview) / 60 });
  }

  return {
    desiredRetention: settings.desiredRetention,
    days: result,
    first30: average(result.slice(0, 30)),
    horizon: average(result),
  };
}
