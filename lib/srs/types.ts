/** A learner's memory of one card, as Envelope stores it (ts-fsrs's snake_case stops inside lib/srs). */
export type CardState = {
  readonly due: Date;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: CardPhase;
  readonly lastReview: Date | null;
};

export type CardPhase = "new" | "learning" | "review" | "relearning";

/** The four answers to "how well did you remember?": 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

export const RATINGS = [1, 2, 3, 4] as const satisfies readonly Rating[];

export const RATING_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const satisfies Record<Rating, string>;

/** Scheduling settings a learner can change. */
export type SchedulerSettings = {
  /** The share of cards you want to still remember when they come due: 0.80 to 0.97. */
  readonly desiredRetention: number;
  /**
   * FSRS-6 weights fitted to this learner's own reviews (21 numbers); absent, or not a valid set, means ts-fsrs's
   * defaults.
   */
  readonly weights?: readonly number[];
};

export const RETENTION_MIN = 0.8;
export const RETENTION_MAX = 0.97;
export const DEFAULT_SETTINGS: SchedulerSettings = { desiredRetention: 0.9 };
