import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { authOptions } from "@/lib/auth";
import { disconnectDb } from "@/lib/progress";
import { AuthHandler } from "../helpers/next-auth-core";

// next-auth's own request handler (what /api/auth/* and getServerSession run) with Envelope's options.

afterAll(async () => {
  await disconnectDb();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const origin = "http://localhost:3000";

describe("callbackUrl through next-auth: only same-origin paths, never a 500", () => {
  test.each([
    "/\t/evil.example/x",
    "/%09/evil.example/x",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "/\r\n/evil.example",
    "/learn/\u0100",
    "/learn\u2028x",
  ])("%j → the home page", async (callbackUrl) => {
    const response = await AuthHandler({
      req: { origin, action: "signin", method: "GET", query: { callbackUrl }, cookies: {}, headers: {} },
      options: authOptions(),
    });
    expect(response.status ?? 302).toBeLessThan(500);
    const cookie = response.cookies?.find((c) => c.name.endsWith("next-auth.callback-url"));
    expect(cookie?.value).toBe(`${origin}/`);
    // Every cookie value can be sent as a header (no line breaks, nothing above U+00FF).
    for (const c of response.cookies ?? []) expect(c.value).toMatch(/^[\x21-\x7e]*$/);
  });

  test("a same-origin path is kept", async () => {
    const response = await AuthHandler({
      req: { origin, action: "signin", method: "GET", query: { callbackUrl: "/learn/01-numbers" }, headers: {} },
      options: authOptions(),
    });
    const cookie = response.cookies?.find((c) => c.name.endsWith("next-auth.callback-url"));
    expect(cookie?.value).toBe(`${origin}/learn/01-numbers`);
  });
});

describe("a bad session cookie", () => {
  test("is a visitor without a session, logged in one short line at most (no stack trace)", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" "));
    };
    vi.spyOn(console, "error").mockImplementation(capture);
    vi.spyOn(console, "warn").mockImplementation(capture);
    vi.spyOn(console, "log").mockImplementation(capture);
    const response = await AuthHandler({
      req: {
        origin,
        action: "session",
        method: "GET",
        cookies: { "next-auth.session-token": "not.a.real.token" },
        headers: {},
      },
      options: authOptions(),
    });
    expect(response.status ?? 200).toBe(200);
    expect(response.body).toEqual({});
    const text = lines.join("\n");
    expect(text.split("\n").length).toBeLessThanOrEqual(1);
    expect(text).not.toMatch(/\bat .*\(|\.js:\d+/);
    expect(text).not.toContain("not.a.real.token");
  });
});

describe("odd bytes in a sign-in", () => {
  test.each(["a\u0000@example.com", "\ud800@example.com"])(
    "an email of %j is a wrong sign-in, not a database fault",
    async (email) => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const secret = authOptions().secret ?? "";
      const token = "b".repeat(64);
      const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");
      const response = await AuthHandler({
        req: {
          origin,
          action: "callback",
          providerId: "credentials",
          method: "POST",
          cookies: { "next-auth.csrf-token": `${token}|${hash}` },
          body: { csrfToken: token, email, password: "a password\u0000" },
          headers: {},
        },
        options: authOptions(),
      });
      expect(new URL(response.redirect ?? "").searchParams.get("error")).toBe("CredentialsSignin");
    },
  );
});
