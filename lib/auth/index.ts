import "server-only";

export { authOptions, githubSignInEnabled } from "./options";
export { getCurrentUser, requireUser } from "./session";
export {
  FAILED_SIGN_IN_WINDOW_MS,
  MAX_FAILED_SIGN_INS,
  checkCredentials,
  describeSignInFailure,
  registerUser,
} from "./sign-in";
export type { RegisterResult, SignInResult } from "./sign-in";
export { hashPassword, verifyPassword } from "./password";
export { PASSWORD_MIN_LENGTH, signInSchema, signUpSchema } from "./validation";
export type { SignUp } from "./validation";
