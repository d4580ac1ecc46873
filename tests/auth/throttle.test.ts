import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import {
  FAILED_SIGN_IN_WINDOW_MS,
  MAX_FAILED_SIGN_INS,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
  MAX_FAILED_SIGN_INS_PER_EMAIL,
  checkCredentials,
  clientAddress,
  decideSignIn,
  describeSignInFailure,
  registerUser,
} from "@/lib/auth";
import { disconnectDb } from "@/lib/progress";
import type * as PasswordModule from "@/lib/auth/password";
import type * as ProgressModule from "@/lib/progress";
import { uniqueEmail } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

// Count argon2 verifications (the real ones still run): a refused guess must cost none.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordModule>();
  return {
    ...actual,
    verifyPassword: async (hash: string, password: string) => {
      verifications.count++;
      return actual.verifyPassword(hash, password);
    },
  };
});

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

beforeEach(() => {
  verifications.count = 0;
});

/** The test's clock starts at the real time, so other files' sign-ins (on the real clock) never count its failures stale. */
const now = new Date();
const later = (ms: number) => new Date(now.getTime() + ms);
/** Addresses no other test uses (a documentation range, one per call). */
let nextAddress = 1;
const freshAddress = () => `2001:db8::${(nextAddress++).toString(16)}`;

async function register(password = "correct horse") {
  const email = uniqueEmail("owner");
  const result = await registerUser({ email, password, name: undefined });
  if (!result.ok) throw new Error("registration failed");
  return { email, password };
}

describe("the owner is not locked out by someone else's guesses", () => {
  test(`after ${MAX_FAILED_SIGN_INS} wrong guesses from another address, the owner's right password gets in`, async () => {
    const { email, password } = await register();
    const attacker = freshAddress();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await checkCredentials(email, `guess ${i}`, attacker, later(i * 1000))).toEqual({
        ok: false,
        reason: "wrong",
      });
    }
    // The attacker is refused without a password check…
    const before = verifications.count;
    expect(await checkCredentials(email, password, attacker, later(20_000))).toMatchObject({
      reason: "locked",
      scope: "email",
    });
    expect(verifications.count).toBe(before);
    // …while the owner, from their own address, signs in.
    expect((await checkCredentials(email, password, freshAddress(), later(30_000))).ok).toBe(true);
  });

  test("the owner's success does not wipe the attacker's count", async () => {
    const { email, password } = await register();
    const attacker = freshAddress();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await checkCredentials(email, "wrong", attacker, later(i));
    expect((await checkCredentials(email, password, freshAddress(), later(1000))).ok).toBe(true);
    expect(await checkCredentials(email, "wrong again", attacker, later(2000))).toMatchObject({ reason: "locked" });
  });

  test("while an email is hot, a new address gets one try, then is refused", async () => {
    const { email } = await register();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await checkCredentials(email, "wrong", freshAddress(), later(i));
    const second = freshAddress();
    expect(await checkCredentials(email, "wrong", second, later(100))).toMatchObject({ reason: "wrong" });
    expect(await checkCredentials(email, "wrong", second, later(200))).toMatchObject({ reason: "locked" });
  });
});

describe("concurrent guesses cannot pass one count", () => {
  test("25 wrong guesses at once from one address: at most the limit are checked and recorded, the rest refused before hashing", async () => {
    const { email } = await register();
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => checkCredentials(email, `guess ${i}`, address, later(i))),
    );
    const wrong = results.filter((r) => !r.ok && r.reason === "wrong").length;
    const locked = results.filter((r) => !r.ok && r.reason === "locked").length;
    expect(wrong).toBe(MAX_FAILED_SIGN_INS);
    expect(locked).toBe(25 - MAX_FAILED_SIGN_INS);
    expect(verifications.count).toBe(MAX_FAILED_SIGN_INS);
    expect(await testDb().failedSignIn.count({ where: { email } })).toBe(MAX_FAILED_SIGN_INS);
  });

  test("25 reservations at once from five separate data layers (as five server processes) still stop at the limit", async () => {
    const { email } = await register();
    const address = freshAddress();
    const layers: (typeof ProgressModule)[] = [];
    for (let i = 0; i < 5; i++) {
      vi.resetModules();
      layers.push(await import("@/lib/progress"));
    }
    try {
      const since = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          layers[i % layers.length]!.reserveSignIn({ email, address, since, now: later(i) }, (failures) =>
            decideSignIn(failures, later(i)),
          ),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(MAX_FAILED_SIGN_INS);
      expect(await testDb().failedSignIn.count({ where: { email } })).toBe(MAX_FAILED_SIGN_INS);
    } finally {
      await Promise.all(layers.map((layer) => layer.disconnectDb()));
    }
  });

  test(`guesses at one email from ${MAX_FAILED_SIGN_INS_PER_EMAIL + 10} addresses at once stop at the per-email cap`, async () => {
    const { email } = await register();
    const total = MAX_FAILED_SIGN_INS_PER_EMAIL + 10;
    const results = await Promise.all(
      Array.from({ length: total }, (_, i) => checkCredentials(email, `guess ${i}`, freshAddress(), later(i))),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(MAX_FAILED_SIGN_INS_PER_EMAIL);
    expect(verifications.count).toBe(MAX_FAILED_SIGN_INS_PER_EMAIL);
    expect(await testDb().failedSignIn.count({ where: { email } })).toBe(MAX_FAILED_SIGN_INS_PER_EMAIL);
  });
});

describe("guessing across many emails from one address", () => {
  test(`100 emails from one address are cut off after ${MAX_FAILED_SIGN_INS_PER_ADDRESS} failures, with no hashing past it`, async () => {
    const address = freshAddress();
    const results = [];
    for (let i = 0; i < 100; i++)
      results.push(await checkCredentials(uniqueEmail("spray"), "password1", address, later(i)));
    const firstLocked = results.findIndex((r) => !r.ok && r.reason === "locked");
    expect(firstLocked).toBe(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    expect(results.slice(firstLocked).every((r) => !r.ok && r.reason === "locked")).toBe(true);
    expect(verifications.count).toBe(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    expect(await testDb().failedSignIn.count({ where: { address } })).toBe(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    const last = results[99];
    if (!last || last.ok || last.reason !== "locked") throw new Error("expected a lock");
    expect(describeSignInFailure(last)).toBe("Too many failed attempts from your network. Try again in 15 minutes.");
    // Another address is not affected, and this one is free again once its failures leave the window.
    const { email, password } = await register();
    expect((await checkCredentials(email, password, freshAddress(), later(200))).ok).toBe(true);
    expect((await checkCredentials(email, password, address, later(FAILED_SIGN_IN_WINDOW_MS + 100))).ok).toBe(true);
  });

  test("the same 100 emails from one address at once are cut off the same way", async () => {
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => checkCredentials(uniqueEmail("burst"), "password1", address, later(i))),
    );
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    expect(verifications.count).toBe(MAX_FAILED_SIGN_INS_PER_ADDRESS);
  });
});

describe("decideSignIn (the policy, without the database)", () => {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const row = (ms: number, sameEmail: boolean, sameAddress: boolean) => ({ at: at(ms), sameEmail, sameAddress });

  test("a quiet email and address may try", () => {
    expect(decideSignIn([row(1000, true, true)], now)).toBeNull();
  });

  test("a hot email refuses an address with a failure for it until the earlier of its clearing or the email cooling", () => {
    const others = Array.from({ length: MAX_FAILED_SIGN_INS }, (_, i) => row(600_000 - i * 1000, true, false));
    expect(decideSignIn(others, now)).toBeNull();
    const lock = decideSignIn([...others, row(60_000, true, true)], now);
    // The oldest counting failure (10 minutes ago) leaves the window in 5 minutes; this address's own in 14.
    expect(lock).toEqual({ scope: "email", retryAfterMs: FAILED_SIGN_IN_WINDOW_MS - 600_000 + 1000 });
  });
});

describe("clientAddress", () => {
  test.each([
    { header: undefined, proxies: 0, address: "unknown" },
    { header: "203.0.113.9", proxies: 0, address: "203.0.113.9" },
    { header: "::ffff:203.0.113.9", proxies: 0, address: "203.0.113.9" },
    { header: "2001:DB8::1", proxies: 0, address: "2001:db8::1" },
    { header: "not an address", proxies: 0, address: "unknown" },
    // Behind one proxy that appends: the client is the last entry; anything before it was written by the client.
    { header: "198.51.100.1, 203.0.113.9", proxies: 1, address: "203.0.113.9" },
    // Behind two: the client as the outer proxy saw it, whatever the client put first.
    { header: "198.51.100.1, 203.0.113.9, 10.0.0.2", proxies: 2, address: "203.0.113.9" },
    // Fewer entries than trusted proxies: the request did not come through them.
    { header: "203.0.113.9", proxies: 2, address: "unknown" },
  ])("$header with $proxies trusted proxies → $address", ({ header, proxies, address }) => {
    expect(clientAddress(header, proxies)).toBe(address);
  });
});
