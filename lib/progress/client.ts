// The browser's view of lib/progress: the shapes of the requests it sends and of the answers it reads, and the
// limits it shares with the server. Types and constants only: the validators and the data layer stay on the server,
// and nothing here pulls zod or Prisma into a page.

export { ATTEMPT_SOURCES, MAX_ANSWER_LENGTH, MAX_SEED, type AttemptSource } from "./limits";
export type { AttemptSubmit } from "./attempts";
export type { CaseMode, CaseRunView } from "./case-runs";
export type { CaseWrite } from "./case-writes";
export { MAX_CASE_NOTES, QUESTION_SOURCES, type QuestionSource } from "./limits";
export type { QuestionAnswerRequest, QuestionView } from "./questions";
export type { QuestionAnswered, ServedQuestion } from "./question-views";
export type { ReviewSubmit } from "./rate-card";
export type { SettingsUpdate } from "./settings";
export type { FitChoice, FitReport, FitResponseBody, FitStatus } from "./fit-params";
export type {
  DeckRequest,
  DeleteAccountRequest,
  LessonEventRequest,
  ResetRequest,
  UndoRequest,
  VariantRequest,
} from "./requests";
export type {
  AttemptResponseBody,
  CaseWriteResponseBody,
  DeckResponseBody,
  DeleteAccountResponseBody,
  ErrorResponseBody,
  Json,
  LessonProgressResponseBody,
  LessonStateResponseBody,
  MeResponseBody,
  PreviousAttempt,
  QuestionResponseBody,
  ResetResponseBody,
  ReviewResponseBody,
  SettingsResponseBody,
  SpreadResponseBody,
  UndoResponseBody,
  VariantResponseBody,
} from "./responses";
export type { WorkloadRow, WorkloadTable } from "./workload";
export { SPREAD_PER_DAY_MAX, SPREAD_PER_DAY_MIN } from "./spread-limits";
