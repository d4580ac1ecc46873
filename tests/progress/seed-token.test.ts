import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { env } from "@/lib/env";
// Tokens are lib/progress's own plumbing, not part of its entry; they are tested here directly.
// eslint-disable-next-line no-restricted-imports
import { seedToken, verifySeedToken } from "@/lib/progress/seed-token";

const hmac = (key: string, text: string) =>
  crypto.createHmac("sha256", key).update(text).digest("base64url").slice(0, 22);
const secret = () => env().NEXTAUTH_SECRET ?? "envelope-development-secret";

describe("seed tokens", () => {
  test("seed 0's token does not depend on the server's secret, so a page prerendered at build time stays valid", () => {
    const token = seedToken("dau-to-qps", 0);
    expect(token).not.toBe(hmac(secret(), "dau-to-qps:0"));
    expect(verifySeedToken("dau-to-qps", 0, token)).toBe(true);
    // A page served before seed 0 had a public key still verifies.
    expect(verifySeedToken("dau-to-qps", 0, hmac(secret(), "dau-to-qps:0"))).toBe(true);
    expect(verifySeedToken("another-exercise", 0, token)).toBe(false);
  });

  test("any other seed needs the secret: a token made without it is refused", () => {
    const token = seedToken("dau-to-qps", 42);
    expect(token).toBe(hmac(secret(), "dau-to-qps:42"));
    expect(verifySeedToken("dau-to-qps", 42, token)).toBe(true);
    expect(verifySeedToken("dau-to-qps", 43, token)).toBe(false);
    // The public key of seed 0 forges nothing for seed 42.
    const publicForm = seedToken("dau-to-qps", 0);
    expect(verifySeedToken("dau-to-qps", 42, publicForm)).toBe(false);
    expect(verifySeedToken("dau-to-qps", 42, "")).toBe(false);
  });
});
