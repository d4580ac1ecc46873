import { afterAll, beforeEach, describe, expect, test } from "vitest";
import {
  FAILED_SIGN_IN_WINDOW_MS,
  MAX_FAILED_SIGN_INS,
  checkCredentials,
  describeSignInFailure,
  registerUser,
} from "@/lib/auth";
import { disconnectDb } from "@/lib/progress";
import { uniqueEmail } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

/** The test's clock starts at the real time, so other files' sign-ins (on the real clock) never count its failures stale. */
const now = new Date();
/** Each test's own client addresses (documentation ranges), so tests do not share an address's counters. */
let next = 1;
const freshAddress = () => `198.51.100.${next++}`;
let attacker = freshAddress();
beforeEach(() => {
  attacker = freshAddress();
});
const later = (ms: number) => new Date(now.getTime() + ms);

async function register(email = uniqueEmail(), password = "correct horse") {
  const result = await registerUser({ email, password, name: undefined });
  if (!result.ok) throw new Error("registration failed");
  return { email, password, user: result.user };
}

describe("registerUser", () => {
  test("stores an argon2id hash, never the password", async () => {
    const { email, user } = await register();
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  test("the same email in another case is taken, and nothing is created twice", async () => {
    const { email } = await register();
    const again = await registerUser({
      email: `  ${email.toUpperCase()} `,
      password: "another password",
      name: undefined,
    });
    expect(again).toEqual({ ok: false, reason: "email-taken" });
    expect(await testDb().user.count({ where: { email } })).toBe(1);
  });

  test("two sign-ups racing for one email create one account", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      [1, 2, 3].map(() => registerUser({ email, password: "password one", name: undefined })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await testDb().user.count({ where: { email } })).toBe(1);
  });
});

describe("checkCredentials", () => {
  test("the right password signs in, case-insensitively on the email", async () => {
    const { email, password, user } = await register();
    const result = await checkCredentials(email.toUpperCase(), password, attacker, now);
    expect(result).toEqual({ ok: true, user: { id: user.id, email, name: null } });
  });

  test.each([
    { label: "wrong password", email: "known", password: "wrong password" },
    { label: "unknown email", email: "unknown", password: "correct horse" },
  ])("$label is the same refusal, with no hint which", async ({ email, password }) => {
    const known = await register();
    const result = await checkCredentials(
      email === "known" ? known.email : uniqueEmail("nobody"),
      password,
      attacker,
      now,
    );
    expect(result).toEqual({ ok: false, reason: "wrong" });
    expect(describeSignInFailure({ ok: false, reason: "wrong" })).toBe("Email or password is wrong.");
  });

  test(`after ${MAX_FAILED_SIGN_INS} failures in 15 minutes from one address, the right password from there is refused until the window passes`, async () => {
    const { email, password } = await register();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await checkCredentials(email, "wrong", attacker, later(i * 1000))).toMatchObject({ reason: "wrong" });
    }
    const locked = await checkCredentials(email, password, attacker, later(60_000));
    expect(locked).toMatchObject({ ok: false, reason: "locked", scope: "email" });
    if (locked.ok || locked.reason !== "locked") throw new Error("expected a lock");
    expect(locked.retryAfterMs).toBe(FAILED_SIGN_IN_WINDOW_MS - 60_000);
    expect(describeSignInFailure(locked)).toBe("Too many failed attempts for this email. Try again in 14 minutes.");

    const afterWindow = await checkCredentials(email, password, attacker, later(FAILED_SIGN_IN_WINDOW_MS + 1000));
    expect(afterWindow.ok).toBe(true);
  });

  test("a success clears earlier failures", async () => {
    const { email, password } = await register();
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await checkCredentials(email, "wrong", attacker, later(i));
    expect((await checkCredentials(email, password, attacker, later(100))).ok).toBe(true);
    expect(await checkCredentials(email, "wrong", attacker, later(200))).toMatchObject({ reason: "wrong" });
    expect((await checkCredentials(email, password, attacker, later(300))).ok).toBe(true);
  });

  test("failures for one email do not lock another (from a different address)", async () => {
    const one = await register();
    const two = await register();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await checkCredentials(one.email, "wrong", attacker, later(i));
    expect((await checkCredentials(two.email, two.password, freshAddress(), later(1000))).ok).toBe(true);
  });
});
