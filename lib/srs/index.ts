// Spaced repetition for Envelope: ts-fsrs behind Envelope's own types. Pure: time is always an argument.

export { clampRetention, newCardState, previewRatings, retrievability, scheduleReview } from "./scheduler";
export { DEFAULT_WEIGHTS, FSRS_WEIGHT_COUNT, validWeights } from "./scheduler";
export {
  FIT_MIN_REVIEWS,
  HELD_BACK_EVERY,
  buildFitItems,
  cleanHistory,
  evaluateWeights,
  reviewHistories,
  splitHeldBack,
  type FitDayCut,
  type FitHistory,
  type FitItems,
  type FitReview,
  type FitScore,
  type TimedRating,
} from "./fit";
export { EASY_WITHIN_MS, formatInterval, ratingForVerdict } from "./intervals";
export { addDays, dayKey, dayStartInstant, daysBetween, isValidTimeZone } from "./day";
export { countIntroducedToday, newCardAllowance, type FirstRating, type NewCardAllowance } from "./new-cards";
export { balanceDue, balanceInterval, fuzzRange } from "./load-balance";
export { capForDate } from "./aim-at-date";
export { reviewHorizon, type DayCut } from "./final-pass";
export { orderBacklog, relativeOverdueness, spreadBacklog, type BacklogCard } from "./backlog";
export { projectedRecall, type ProjectedRecall } from "./projected-recall";
export { accuracyByWeek, currentStreak, dueForecast, median, reviewHeatmap, speedByWeek, weekOf } from "./series";
export type { DayCount, DayOptions, DrillRun, StepRow, StreakReview, WeekAccuracy, WeekSpeed } from "./series";
export {
  DEFAULT_SETTINGS,
  RATINGS,
  RATING_NAMES,
  RETENTION_MAX,
  RETENTION_MIN,
  type CardPhase,
  type CardState,
  type Rating,
  type SchedulerSettings,
} from "./types";
export {
  simulateWorkload,
  type Workload,
  type WorkloadAverage,
  type WorkloadDay,
  type WorkloadInput,
} from "./simulate";
