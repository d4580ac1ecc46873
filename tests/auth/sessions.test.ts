import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { authOptions, getCurrentUser, registerUser } from "@/lib/auth";
import { deleteUser, disconnectDb } from "@/lib/progress";
import { AuthHandler } from "../helpers/next-auth-core";
import { disconnectTestDb, testDb } from "../helpers/db";
import { uniqueEmail } from "../helpers/users";

// Sessions end: next-auth's own handler (what /api/auth/* runs) signs in, reads the session and signs out; the
// session cookie kept from before is then sent again, as an attacker who copied it would.

/**
 * The cookies of the request getCurrentUser reads. next-auth loads next/headers with require(), which has no request
 * scope in tests, so Node's module cache is given a stand-in holding these cookies.
 */
let jar: Record<string, string> = {};
const require = createRequire(import.meta.url);
const nextHeaders = require.resolve("next/headers", { paths: [dirname(require.resolve("next-auth"))] });
require.cache[nextHeaders] = {
  id: nextHeaders,
  filename: nextHeaders,
  loaded: true,
  exports: {
    headers: async () => new Headers(),
    cookies: async () => ({ getAll: () => Object.entries(jar).map(([name, value]) => ({ name, value })) }),
  },
} as unknown as NodeJS.Module;

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

beforeEach(() => {
  jar = {};
});

const origin = "http://localhost:3000";
const SESSION_COOKIE = "next-auth.session-token";
let nextAddress = 1;

/** A CSRF token and its cookie, as next-auth's double-submit check expects them. */
function csrf(): { token: string; cookie: string } {
  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256")
    .update(`${token}${authOptions().secret ?? ""}`)
    .digest("hex");
  return { token, cookie: `${token}|${hash}` };
}

async function account(): Promise<{ id: string; email: string; password: string }> {
  const email = uniqueEmail("session");
  const password = "correct horse battery";
  const result = await registerUser({ email, password, name: "Ada" });
  if (!result.ok) throw new Error("registration failed");
  return { id: result.user.id, email, password };
}

/** Sign in through next-auth's credentials callback; returns the session cookie's value. */
async function signIn(email: string, password: string): Promise<string> {
  const { token, cookie } = csrf();
  const response = await AuthHandler({
    req: {
      origin,
      action: "callback",
      providerId: "credentials",
      method: "POST",
      cookies: { "next-auth.csrf-token": cookie },
      body: { csrfToken: token, email, password },
      headers: { "x-forwarded-for": `203.0.113.${nextAddress++}` },
    },
    options: authOptions(),
  });
  const session = response.cookies?.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!session) throw new Error(`no session cookie; redirected to ${response.redirect ?? "nowhere"}`);
  return session;
}

/** GET /api/auth/session with this session cookie: the body, and whether the answer clears the cookie. */
async function readSession(sessionToken: string): Promise<{ body: unknown; cleared: boolean }> {
  const response = await AuthHandler({
    req: { origin, action: "session", method: "GET", cookies: { [SESSION_COOKIE]: sessionToken }, headers: {} },
    options: authOptions(),
  });
  const cleared = (response.cookies ?? []).some((c) => c.name === SESSION_COOKIE && c.value === "");
  return { body: response.body, cleared };
}

/** POST /api/auth/signout with this session cookie. */
async function signOut(sessionToken: string): Promise<void> {
  const { token, cookie } = csrf();
  const response = await AuthHandler({
    req: {
      origin,
      action: "signout",
      method: "POST",
      cookies: { "next-auth.csrf-token": cookie, [SESSION_COOKIE]: sessionToken },
      body: { csrfToken: token },
      headers: {},
    },
    options: authOptions(),
  });
  expect(response.cookies?.find((c) => c.name === SESSION_COOKIE)?.value).toBe("");
}

async function currentUserWith(sessionToken: string) {
  jar = { [SESSION_COOKIE]: sessionToken };
  return getCurrentUser();
}

describe("a session", () => {
  test("signs in: the session endpoint shows the profile and getCurrentUser finds the user", async () => {
    const { id, email, password } = await account();
    const cookie = await signIn(email, password);
    const session = await readSession(cookie);
    expect(session.body).toMatchObject({ user: { id, email, name: "Ada" } });
    expect(session.cleared).toBe(false);
    expect((await currentUserWith(cookie))?.id).toBe(id);
    expect(await testDb().session.count({ where: { userId: id } })).toBe(1);
  });

  test("after sign-out, the old cookie sent again signs no one in", async () => {
    const { id, email, password } = await account();
    const cookie = await signIn(email, password);
    const other = await signIn(email, password); // the same learner on another device
    await signOut(cookie);

    const replay = await readSession(cookie);
    expect(replay.body).toEqual({});
    expect(replay.cleared).toBe(true);
    expect(await currentUserWith(cookie)).toBeNull();
    // Only that session ended: the other device stays signed in.
    expect((await currentUserWith(other))?.id).toBe(id);
    expect(await testDb().session.count({ where: { userId: id } })).toBe(1);
  });

  test("after the account is deleted, its sessions sign no one in and the endpoint returns no profile", async () => {
    const { id, email, password } = await account();
    const cookie = await signIn(email, password);
    await deleteUser(id);

    const replay = await readSession(cookie);
    expect(replay.body).toEqual({});
    expect(JSON.stringify(replay.body)).not.toContain(email);
    expect(await currentUserWith(cookie)).toBeNull();
    expect(await testDb().session.count({ where: { userId: id } })).toBe(0);
  });

  test("a validly signed cookie that names no session record (one from before sessions were recorded) is refused", async () => {
    const { id, email } = await account();
    const forged = await encode({ token: { uid: id, email, name: "Ada" }, secret: authOptions().secret ?? "" });
    expect((await readSession(forged)).body).toEqual({});
    expect(await currentUserWith(forged)).toBeNull();
  });

  test("a session past its end signs no one in", async () => {
    const { id, email, password } = await account();
    const cookie = await signIn(email, password);
    await testDb().session.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await readSession(cookie)).body).toEqual({});
    expect(await currentUserWith(cookie)).toBeNull();
  });

  test("the Session table's primary key includes userId, and deleting a user cascades to it", async () => {
    const key = await testDb().$queryRaw<{ column: string }[]>`
      SELECT a.attname AS "column"
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = '"Session"'::regclass AND i.indisprimary`;
    expect(key.map((row) => row.column).sort()).toEqual(["id", "userId"]);
    const cascade = await testDb().$queryRaw<{ action: string }[]>`
      SELECT confdeltype::text AS "action" FROM pg_constraint
      WHERE conrelid = '"Session"'::regclass AND contype = 'f'`;
    expect(cascade.map((row) => row.action)).toEqual(["c"]);
  });

  test("checking a session stays fast (one indexed lookup per read)", async () => {
    const { id, email, password } = await account();
    const cookie = await signIn(email, password);
    for (let i = 0; i < 5; i++) await readSession(cookie); // warm up
    const runs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      expect((await currentUserWith(cookie))?.id).toBe(id);
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? Infinity;
    console.info(`getCurrentUser median ${median.toFixed(2)} ms over ${runs.length} reads`);
    expect(median).toBeLessThan(25);
  });
});
