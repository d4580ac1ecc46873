import "server-only";

export { db, disconnectDb } from "./db";
export {
  clearFailedSignIns,
  createUser,
  deleteUser,
  getUser,
  getUserCredentials,
  listFailedSignIns,
  normaliseEmail,
  recordFailedSignIn,
  upsertGithubUser,
  userSelect,
} from "./users";
export type { CreateUserResult, UserRecord } from "./users";
export { listLessonProgress, markLessonCompleted, markLessonStarted, recordLessonEvent } from "./lessons";
export type { LessonEvent, LessonEventOutcome, LessonProgressRecord } from "./lessons";
export { checkDatabaseHealth } from "./health";
export type { DatabaseHealth } from "./health";
export {
  ATTEMPT_SOURCES,
  MAX_SEED,
  attemptSubmitSchema,
  getLatestAttempt,
  isAtLeastClose,
  listRecentAttempts,
  recordAttempt,
  serveVariant,
} from "./attempts";
export type { AttemptRecord, AttemptResult, AttemptSource, AttemptSubmit, AttemptSummary, ServedVariant } from "./attempts";
export { randomSeed } from "./seed-token";
export { getCalibrationSummary, listExerciseStats } from "./practice";
export type { DrillStat } from "./practice";
export {
  addCardsToDeck,
  addLessonCards,
  addModuleCards,
  countDueCards,
  flagMissedSteps,
  getCardState,
  getReviewSummary,
  getSettings,
  listDeck,
  listDueCardIds,
  listDueReviews,
  NEW_CARDS_PER_DAY_DEFAULT,
  NEW_CARDS_PER_DAY_MAX,
  reviewCard,
  reviewSubmitSchema,
  serveStepVariant,
  settingsUpdateSchema,
  stepCardId,
  undoLastReview,
  updateSettings,
} from "./reviews";
export type { LearnerSettings, ReviewItem, ReviewOutcome, ReviewSubmit, ReviewSummary, UndoOutcome } from "./reviews";
export { listPublishedCards } from "./new-cards";
export type { NewCardAllowance } from "./new-cards";
export { getDashboard } from "./dashboard";
export type { Dashboard, ModuleProgress } from "./dashboard";
export { exportUserData, resetModuleProgress, reviewLogCsv } from "./account";
export { groupMissesBySkill } from "./skill-misses";
export type { SkillMisses, SkillStepRow } from "./skill-misses";
export { listWeakSkills } from "./weak-skills";
