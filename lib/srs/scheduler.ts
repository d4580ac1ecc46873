import {
  Rating as FsrsRating,
  State,
  createEmptyCard,
  fsrs,
  generatorParameters,
  type Card,
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

const schedulers = new Map<number, ReturnType<typeof fsrs>>();

/**
 * ts-fsrs with Envelope's settings: learning steps under a day (1 and 10 minutes, relearning 10 minutes), no fuzz (so
 * a rating sequence always gives the same intervals), and the learner's desired retention.
 */
function scheduler(settings: SchedulerSettings): ReturnType<typeof fsrs> {
  const retention = clampRetention(settings.desiredRetention);
  let instance = schedulers.get(retention);
  if (!instance) {
    instance = fsrs(
      generatorParameters({
        request_retention: retention,
        enable_fuzz: false,
        enable_short_term: true,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
        maximum_interval: 36500,
      }),
    );
    schedulers.set(retention, instance);
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
