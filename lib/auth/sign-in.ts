import "server-only";
import {
  clearFailedSignIns,
  createUser,
  getUserCredentials,
  listFailedSignIns,
  recordFailedSignIn,
  type UserRecord,
} from "@/lib/progress";
import { hashPassword, verifyPassword } from "./password";
import type { SignUp } from "./validation";

export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/**
 * Check an email and password at `now`. After MAX_FAILED_SIGN_INS failures for one email within the window, further
 * attempts are refused (without checking the password) until the oldest failure leaves the window.
 */
export async function checkCredentials(email: string, password: string, now: Date): Promise<SignInResult> {
  const windowStart = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
  const failures = await listFailedSignIns(email, windowStart);
  if (failures.length >= MAX_FAILED_SIGN_INS) {
    const oldest = failures[failures.length - MAX_FAILED_SIGN_INS] ?? now;
    return { ok: false, reason: "locked", retryAfterMs: oldest.getTime() + FAILED_SIGN_IN_WINDOW_MS - now.getTime() };
  }
  const user = await getUserCredentials(email);
  // Verify against a throwaway hash when the user is unknown, so timing does not reveal which emails exist.
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !valid) {
    await recordFailedSignIn(email, now);
    return { ok: false, reason: "wrong" };
  }
  await clearFailedSignIns(email, windowStart);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("envelope-dummy-password");
  return dummy;
}

export type RegisterResult = { ok: true; user: UserRecord } | { ok: false; reason: "email-taken" };

/** Create a password account from validated sign-up input. */
export async function registerUser(input: SignUp): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  return createUser({ email: input.email, name: input.name, passwordHash });
}

/** The sentence a learner sees for a refused sign-in. */
export function describeSignInFailure(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.reason === "wrong") return "Email or password is wrong.";
  const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
  return `Too many failed attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
