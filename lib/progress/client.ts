// The browser's view of lib/progress: the shapes of the requests it sends and of the answers it reads, and the
// limits it shares with the server. Types and constants only: the validators and the data layer stay on the server,
// and nothing here pulls zod or Prisma into a page.

export { ATTEMPT_SOURCES, MAX_ANSWER_LENGTH, MAX_SEED, type AttemptSource } from "./limits";
export type { AttemptSubmit } from "./attempts";
export type { ReviewSubmit } from "./rate-card";
export type { SettingsUpdate } from "./settings";
export type { DeckRequest, DeleteAccountRequest, LessonEventRequest, ResetRequest, UndoRequest, VariantRequest } from "./requests";
export type {
  AttemptResponseBody,
  DeckResponseBody,
  DeleteAccountResponseBody,
  ErrorResponseBody,
  Json,
  LessonProgressResponseBody,
  ResetResponseBody,
  ReviewResponseBody,
  SettingsResponseBody,
  UndoResponseBody,
  VariantResponseBody,
} from "./responses";
