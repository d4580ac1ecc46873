import "server-only";

export { SESSION_MAX_AGE_S, authOptions, githubSignInEnabled } from "./options";
export { getCurrentUser, requireUser } from "./session";
export { checkCredentials, describeSignInFailure, registerUser, reserveSignUpSlot } from "./sign-in";
export {
  FAILED_SIGN_IN_WINDOW_MS,
  MAX_FAILED_SIGN_INS,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
  MAX_FAILED_SIGN_INS_PER_EMAIL,
  SIGN_UP_WINDOW_MS,
  clientAddress,
  decideSignIn,
} from "./throttle";
export type { SignInLock } from "./throttle";
export type { RegisterResult, SignInResult } from "./sign-in";
export { hashPassword, verifyPassword } from "./password";
export { PASSWORD_MIN_LENGTH, signInSchema, signUpSchema } from "./validation";
export type { SignUp } from "./validation";
