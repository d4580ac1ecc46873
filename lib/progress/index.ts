import "server-only";

export {
  CONNECT_TIMEOUT_MS,
  DatabaseBusyError,
  DatabaseUnavailableError,
  asDatabaseBusy,
  databaseOutage,
  disconnectDb,
  errorReason,
  isDatabaseUnreachable,
  markDatabaseDown,
  markDatabaseUp,
} from "./db";
export {
  createSession,
  createUser,
  deleteSession,
  deleteUser,
  findSessionUser,
  getUser,
  getUserCredentials,
  normaliseEmail,
  upsertGithubUser,
  userSelect,
} from "./users";
export type { CreateUserResult, UserRecord } from "./users";
export { releaseSignIn, reserveSignIn, reserveSignUp } from "./throttle";
export type { RecentFailure } from "./throttle";
export { listLessonProgress, markLessonCompleted, markLessonStarted, recordLessonEvent } from "./lessons";
export type { LessonEvent, LessonEventOutcome, LessonProgressRecord } from "./lessons";
export { checkDatabaseHealth, probeDatabase } from "./health";
export type { DatabaseHealth } from "./health";
export { ATTEMPT_SOURCES, MAX_ANSWER_LENGTH, MAX_SEED } from "./limits";
export type { AttemptSource } from "./limits";
export {
  deckRequestSchema,
  deleteAccountSchema,
  lessonEventSchema,
  resetRequestSchema,
  undoRequestSchema,
  variantRequestSchema,
} from "./requests";
export { attemptSubmitSchema, gradeAttemptForVisitor, recordAttempt, serveVariant } from "./attempts";
export type { AttemptResult, AttemptSubmit, ServedVariant } from "./attempts";
export { getLatestAttempt, isAtLeastClose, listRecentAttempts } from "./attempt-records";
export { getLessonState } from "./lesson-state";
export type { AttemptRecord, AttemptSummary } from "./attempt-records";
export { randomSeed } from "./seed-token";
export { getCalibrationSummary, listExerciseStats } from "./practice";
export type { DrillStat } from "./practice";
export {
  getSettings,
  interviewDayProblem,
  MINUTES_PER_DAY_DEFAULT,
  MINUTES_PER_DAY_MAX,
  MINUTES_PER_DAY_MIN,
  NEW_CARDS_PER_DAY_DEFAULT,
  NEW_CARDS_PER_DAY_MAX,
  dueHorizon,
  settingsUpdateSchema,
  updateSettings,
} from "./settings";
export type { LearnerSettings, SettingsUpdate } from "./settings";
export { addCardsToDeck, addLessonCards, addModuleCards, getCardState, listDeck } from "./deck";
export { listPublishedCards } from "./new-cards";
export { flagMissedSteps, serveStepVariant, stepCardId } from "./step-cards";
export {
  countDueCards,
  getReviewPage,
  getReviewSummary,
  listDueCardIds,
  listDueReviews,
  listUpcomingReviews,
  REVIEW_AHEAD_MS,
} from "./review-queue";
export type { ReviewItem, ReviewPage, ReviewSummary } from "./review-queue";
export { reviewCard, reviewSubmitSchema } from "./rate-card";
export type { ReviewOutcome, ReviewSubmit } from "./rate-card";
export { undoLastReview } from "./undo-review";
export type { UndoOutcome } from "./undo-review";
export type { Refusal, RefusalReason } from "./outcome";
export { getDashboard } from "./dashboard";
export type { Dashboard, ModuleProgress } from "./dashboard";
export { getProgressPage } from "./progress-page";
export type { ProgressPage, WeakSkill } from "./progress-page";
export { exportUserData, resetModuleProgress, reviewLogCsv } from "./account";
export { getHomeSummary } from "./home";
export type { DrillLink, HomeSummary, LessonLink, ResumePoint } from "./home";
export { getTodayPage } from "./today-page";
export type { TodayPage } from "./today-page";
export { groupMissesBySkill } from "./skill-misses";
export type { SkillMisses, SkillStepRow } from "./skill-misses";
export { listWeakSkills } from "./weak-skills";
export type * from "./responses";
export { getCaseRun, listCaseResults, listCaseStatus } from "./case-runs";
export type { CaseMode, CaseResultView, CaseRunView } from "./case-runs";
export { MAX_CASE_NOTES } from "./limits";
export { caseWriteSchema, writeCase } from "./case-writes";
export type { CaseWrite, CaseWriteOutcome } from "./case-writes";
export { QUESTION_SOURCES } from "./limits";
export type { QuestionSource } from "./limits";
export { answerQuestion, questionAnswerSchema, viewQuestion } from "./questions";
export type { QuestionAnswerRequest, QuestionOutcome, QuestionView } from "./questions";
export { nextAudit, pickAudit, serveQuestions } from "./question-views";
export type { QuestionAnswered, ServedQuestion } from "./question-views";
export { judgementCardId } from "./judgement-cards";
export {
  courseCatalogue,
  CURVEBALL_MINUTES,
  getReadiness,
  getTodayPlan,
  PLACEMENT_DRILLS,
  placementQuestions,
} from "./study-plan";
export type { PlacementQuestionData, Readiness, TodayItem, TodayPlan } from "./study-plan";
export { DEFAULT_SECONDS_PER_REVIEW, getWorkloadTable, WORKLOAD_HORIZON_DAYS, WORKLOAD_RETENTIONS } from "./workload";
export type { WorkloadRow, WorkloadTable } from "./workload";
export { fitChoiceSchema, fitParameters, getFitStatus, runFitChild, setUseFitted, FIT_TIMEOUT_MS } from "./fit-params";
export type { FitChildResult, FitChoice, FitOutcome, FitReport, FitResponseBody, FitStatus } from "./fit-params";
export { spreadDueBacklog, spreadRequestSchema, type SpreadResult } from "./spread-backlog";
export { SPREAD_PER_DAY_MAX, SPREAD_PER_DAY_MIN } from "./spread-limits";
