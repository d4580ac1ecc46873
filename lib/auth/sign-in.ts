import "server-only";
import { env } from "@/lib/env";
import {
  createUser,
  getUserCredentials,
  releaseSignIn,
  reserveSignIn,
  reserveSignUp,
  type UserRecord,
} from "@/lib/progress";
import { hashPassword, verifyPassword } from "./password";
import {
  FAILED_SIGN_IN_WINDOW_MS,
  SIGN_UP_WINDOW_MS,
  decideSignIn,
  decideSignUp,
  minutesFrom,
  type SignInLock,
} from "./throttle";
import type { SignUp } from "./validation";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "wrong" }
  | ({ ok: false; reason: "locked" } & SignInLock);

/** Failures this old are removed by any successful sign-in, whatever their email and address. */
const STALE_FAILURE_MS = 24 * 60 * 60 * 1000;

/**
 * Check an email and password tried from client `address` at `now`. The attempt is first reserved under the
 * throttling policy of ./throttle.ts (atomically, in the database); a refused attempt answers "locked" without
 * hashing anything. A wrong password and an unknown email are the same "wrong" answer, after the same argon2 work.
 */
export async function checkCredentials(
  email: string,
  password: string,
  address: string,
  now: Date,
): Promise<SignInResult> {
  const since = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
  const slot = await reserveSignIn({ email, address, since, now }, (failures) => decideSignIn(failures, now));
  if (!slot.ok) return { ok: false, reason: "locked", ...slot.refusal };
  const user = await getUserCredentials(email);
  // Verify against a throwaway hash when the user is unknown, so timing does not reveal which emails exist.
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !valid) return { ok: false, reason: "wrong" }; // the reservation stays as the failure
  const staleBefore = new Date(now.getTime() - STALE_FAILURE_MS);
  await releaseSignIn({ reservation: slot.reservation, email, address, staleBefore });
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

/**
 * Reserve one sign-up from client `address` at `now`: at most ENVELOPE_SIGN_UPS_PER_HOUR per address in any hour,
 * counted atomically before any password is hashed. Refused with the time until the oldest one ages out.
 */
export async function reserveSignUpSlot(
  address: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; retryAfterMs: number; message: string }> {
  const limit = env().ENVELOPE_SIGN_UPS_PER_HOUR;
  const since = new Date(now.getTime() - SIGN_UP_WINDOW_MS);
  const slot = await reserveSignUp({ address, since, now }, (recent) => decideSignUp(recent, limit, now));
  if (slot.ok) return slot;
  const { retryAfterMs } = slot.refusal;
  const message = `Too many sign-ups from your network. Try again in ${minutesFrom(retryAfterMs)}.`;
  return { ok: false, retryAfterMs, message };
}

/** The sentence a learner sees for a refused sign-in: the same for an unknown email and a wrong password. */
export function describeSignInFailure(result: Exclude<SignInResult, { ok: true }>): string {
  if (result.reason === "wrong") return "Email or password is wrong.";
  const whose = result.scope === "address" ? "from your network" : "for this email";
  return `Too many failed attempts ${whose}. Try again in ${minutesFrom(result.retryAfterMs)}.`;
}
