import {
  Rating as FsrsRating,
  State,
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  type Card,
  type FSRSParameters,
  type Grade,
} from "ts-fsrs";
import {
  RETENTION_MAX,
  RETENTION_MIN,
  type CardPhase,
  type CardState,
  type Rating,
  type SchedulerSettings,
} from "./types";

const phases: Record<State, CardPhase> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

const states: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const grades: Record<Rating, Grade> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

/** Clamp a desired retention into the range Envelope allows (0.80 to 0.97). */
export function clampRetention(value: number): number {
  if (!Number.isFinite(value)) return 0.9;
  return Math.min(RETENTION_MAX, Math.max(RETENTION_MIN, value));
}

/** How many weights an FSRS-6 parameter set has (ts-fsrs 5 and the fsrs-rs optimizer both use 21). */
export const FSRS_WEIGHT_COUNT = 21;

/** ts-fsrs's default FSRS-6 weights, fitted by its authors on many learners' reviews: what a learner starts with. */
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

/**
 * The weights when `weights` is a full FSRS-6 set (21 finite numbers), else null. A stored set that is short, long or
 * holds NaN falls back to the defaults rather than scheduling with garbage.
 */
export function validWeights(weights: readonly number[] | undefined | null): readonly number[] | null {
  if (!weights || weights.length !== FSRS_WEIGHT_COUNT) return null;
  return weights.every((w) => Number.isFinite(w)) ? weights : null;
}

/**
 * ts-fsrs parameters with Envelope's settings: learning steps under a day (1 and 10 minutes, relearning 10 minutes),
 * no fuzz (so a rating sequence always gives the same intervals), the retention asked for, and the weights when they
 * are a valid set (ts-fsrs clips each weight into its allowed range), else the defaults.
 */
export function fsrsParameters(retention: number, weights?: readonly number[]): FSRSParameters {
  const w = validWeights(weights);
  return generatorParameters({
    request_retention: retention,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: ["1m", "10m"],
    relearning_steps: ["10m"],
    maximum_interval: 36500,
    ...(w ? { w: [...w] } : {}),
  });
}

// One ts-fsrs instance per (retention, weights): a learner's fitted weights get their own, the defaults share one.
// Bounded, since every learner with fitted weights adds a key.
const schedulers = new Map<string, ReturnType<typeof fsrs>>();
const MAX_SCHEDULERS = 500;

function scheduler(settings: SchedulerSettings): ReturnType<typeof fsrs> {
  const retention = clampRetention(settings.desiredRetention);
  const weights = validWeights(settings.weights);
  const key = weights ? `${retention}|${weights.join(",")}` : `${retention}`;
  let instance = schedulers.get(key);
  if (!instance) {
    instance = fsrs(fsrsParameters(retention, weights ?? undefined));
    if (schedulers.size >= MAX_SCHEDULERS) schedulers.clear();
    schedulers.set(key, instance);
  }
  return instance;
}

function toFsrs(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: states[card.state],
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: phases[card.state],
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due at `now`. */
export function newCardState(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** The card after rating it at `now`. Pure: the clock is an argument and nothing is mutated. */
export function scheduleReview(card: CardState, rating: Rating, now: Date, settings: SchedulerSettings): CardState {
  return fromFsrs(scheduler(settings).next(toFsrs(card), now, grades[rating]).card);
}

/** When the card would next be due for each rating, for the buttons ("10m", "3d"). */
export function previewRatings(card: CardState, now: Date, settings: SchedulerSettings): Record<Rating, Date> {
  const preview = scheduler(settings).repeat(toFsrs(card), now);
  return {
    1: preview[FsrsRating.Again].card.due,
    2: preview[FsrsRating.Hard].card.due,
    3: preview[FsrsRating.Good].card.due,
    4: preview[FsrsRating.Easy].card.due,
  };
}

/** The probability of recalling the card at `now`, 0 to 1 (0 for a new card). */
export function retrievability(card: CardState, now: Date, settings: SchedulerSettings): number {
  if (card.state === "new") return 0;
  return scheduler(settings).get_retrievability(toFsrs(card), now, false);
}
