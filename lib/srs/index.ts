// Spaced repetition for Envelope: ts-fsrs behind Envelope's own types. Pure: time is always an argument.

export { clampRetention, newCardState, previewRatings, retrievability, scheduleReview } from "./scheduler";
export { EASY_WITHIN_MS, formatInterval, ratingForVerdict } from "./intervals";
export { addDays, dayKey, dayStartInstant, daysBetween, isValidTimeZone } from "./day";
export { countIntroducedToday, newCardAllowance, type FirstRating, type NewCardAllowance } from "./new-cards";
export { balanceDue, balanceInterval, fuzzRange } from "./load-balance";
export { capForDate } from "./aim-at-date";
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
