import { isIP } from "node:net";
import type { RecentFailure } from "@/lib/progress";

/*
 * Sign-in throttling policy (failures are counted per email, per client address, and per pair, over 15 minutes):
 *
 * - An address may fail at most MAX_FAILED_SIGN_INS_PER_ADDRESS times, across all emails. This caps guessing across
 *   many emails from one place (each guess costs an argon2 hash) while leaving room for a shared office network.
 * - After MAX_FAILED_SIGN_INS failures for one email (from anywhere), the email is "hot": only addresses with no recent
 *   failure for it may still try. The attacker's addresses are refused; the owner, on their own network, is let
 *   through with the right password, so ten wrong guesses by someone else do not lock the owner out.
 * - Whatever the addresses, an email takes at most MAX_FAILED_SIGN_INS_PER_EMAIL failures. This bounds guessing from
 *   many (or forged) addresses; past it, the owner waits for the window as well.
 *
 * A refused attempt checks no password (no argon2 work) and records nothing, so refusals cost almost nothing and do
 * not extend a lock. Every check is reserved atomically before the password is hashed (lib/progress/throttle.ts).
 * These follow OWASP's authentication guidance: lock by account and by source, for a limited time, with the same
 * answer for an unknown email and a wrong password.
 */

/** The window over which failed sign-ins count. */
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one email after which only addresses with no failure for it may still try. */
export const MAX_FAILED_SIGN_INS = 10;
/** Failures for one email, from all addresses together, after which nobody may try until the window passes. */
export const MAX_FAILED_SIGN_INS_PER_EMAIL = 50;
/** Failures from one client address, across all emails, after which it may not try until the window passes. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 30;
/** The window over which sign-ups from one address count (the limit itself is ENVELOPE_SIGN_UPS_PER_HOUR). */
export const SIGN_UP_WINDOW_MS = 60 * 60 * 1000;

/** Why a sign-in was refused before its password was checked, and when it may be tried again. */
export type SignInLock = { scope: "email" | "address"; retryAfterMs: number };

/** The time until the `limit`-th most recent of `times` (oldest first) leaves a window of `windowMs` after `now`. */
function untilBelow(times: Date[], limit: number, windowMs: number, now: Date): number {
  const oldest = times[times.length - limit] ?? now;
  return Math.max(1000, oldest.getTime() + windowMs - now.getTime());
}

/**
 * The sign-in policy above, for one email and address at `now`, given the recent failures (oldest first) of either:
 * null to allow a password check, or the lock that refuses it.
 */
export function decideSignIn(failures: RecentFailure[], now: Date): SignInLock | null {
  const fromAddress = failures.filter((f) => f.sameAddress).map((f) => f.at);
  if (fromAddress.length >= MAX_FAILED_SIGN_INS_PER_ADDRESS) {
    return {
      scope: "address",
      retryAfterMs: untilBelow(fromAddress, MAX_FAILED_SIGN_INS_PER_ADDRESS, FAILED_SIGN_IN_WINDOW_MS, now),
    };
  }
  const forEmail = failures.filter((f) => f.sameEmail).map((f) => f.at);
  if (forEmail.length >= MAX_FAILED_SIGN_INS_PER_EMAIL) {
    return {
      scope: "email",
      retryAfterMs: untilBelow(forEmail, MAX_FAILED_SIGN_INS_PER_EMAIL, FAILED_SIGN_IN_WINDOW_MS, now),
    };
  }
  const fromPair = failures.filter((f) => f.sameEmail && f.sameAddress).map((f) => f.at);
  if (forEmail.length >= MAX_FAILED_SIGN_INS && fromPair.length > 0) {
    // Free again when this address's failures for the email have left the window, or the email has cooled down.
    const pairClear = untilBelow(fromPair, 1, FAILED_SIGN_IN_WINDOW_MS, now);
    const emailCool = untilBelow(forEmail, MAX_FAILED_SIGN_INS, FAILED_SIGN_IN_WINDOW_MS, now);
    return { scope: "email", retryAfterMs: Math.min(pairClear, emailCool) };
  }
  return null;
}

/** The sign-up limit for one address at `now`: null to allow, else the time until one of its sign-ups ages out. */
export function decideSignUp(recent: Date[], limit: number, now: Date): { retryAfterMs: number } | null {
  if (recent.length < limit) return null;
  return { retryAfterMs: untilBelow(recent, limit, SIGN_UP_WINDOW_MS, now) };
}

/** Whole minutes for a message, at least one. */
export function minutesFrom(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The client's address from a request's headers, or "unknown". Next's own server sets X-Forwarded-For to the socket's
 * address only when the request has none, so with `trustedProxies` 0 (Envelope reached directly) the last entry is
 * that address, or whatever the client wrote: a directly exposed server cannot tell, which is why the per-email caps
 * do not rely on addresses. Behind proxies that each append the address they saw, the client is the entry
 * `trustedProxies` from the end; entries before it were written by the client and are ignored. A value that is not
 * an IP address counts as "unknown" (one shared bucket), so made-up text gains nothing.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(1, trustedProxies)];
  if (!entry) return "unknown";
  const address = entry.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : "unknown";
}
