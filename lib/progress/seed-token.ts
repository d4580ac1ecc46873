import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

/** The key of seed 0's tokens: not a secret, because seed 0's numbers are public (see `seedToken`). */
const PUBLIC_SEED_KEY = "envelope-seed-0";

function hmacToken(key: string, exerciseId: string, seed: number): string {
  return crypto.createHmac("sha256", key).update(`${exerciseId}:${seed}`).digest("base64url").slice(0, 22);
}

function secretKey(): string {
  return env().NEXTAUTH_SECRET ?? "envelope-development-secret";
}

/**
 * Variants are served with a token that binds the exercise id and seed, so a submission cannot pick its own numbers:
 * an HMAC with the server's secret, shortened to 16 bytes. Seed 0 is the exception: it gives a lesson's own numbers,
 * the same for everyone and printed in the page, which is prerendered at build time, before the server's secret
 * exists. Its token uses a public key, so a page built anywhere works with any server, and picking seed 0 gains nothing
 * that the lesson does not show.
 */
export function seedToken(exerciseId: string, seed: number): string {
  return hmacToken(seed === 0 ? PUBLIC_SEED_KEY : secretKey(), exerciseId, seed);
}

function sameToken(expected: string, token: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Was this variant served by Envelope? (Seed 0 also under the secret key, as pages served it before.) */
export function verifySeedToken(exerciseId: string, seed: number, token: string): boolean {
  if (sameToken(seedToken(exerciseId, seed), token)) return true;
  return seed === 0 && sameToken(hmacToken(secretKey(), exerciseId, 0), token);
}

/** A fresh variant seed: 1 to 2^31 − 1 (0 is reserved for the lesson's own numbers). */
export function randomSeed(): number {
  return crypto.randomInt(1, 2 ** 31 - 1);
}
