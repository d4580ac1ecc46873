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
export { listLessonProgress, markLessonCompleted, markLessonStarted } from "./lessons";
export type { LessonProgressRecord } from "./lessons";
export { checkDatabaseHealth } from "./health";
export type { DatabaseHealth } from "./health";
