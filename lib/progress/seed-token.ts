import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

/**
 * Variants are served with a token that binds the exercise id and seed, so a submission cannot pick its own numbers:
 * an HMAC with the server's secret, shortened to 16 bytes.
 */
export function seedToken(exerciseId: string, seed: number): string {
  const secret = env().NEXTAUTH_SECRET ?? "envelope-development-secret";
  return crypto.createHmac("sha256", secret).update(`${exerciseId}:${seed}`).digest("base64url").slice(0, 22);
}

export function verifySeedToken(exerciseId: string, seed: number, token: string): boolean {
  const expected = Buffer.from(seedToken(exerciseId, seed));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** A fresh variant seed: 1 to 2^31 − 1 (0 is reserved for the lesson's own numbers). */
export function randomSeed(): number {
  return crypto.randomInt(1, 2 ** 31 - 1);
}
