import { createHash } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import { authOptions } from "@/lib/auth";
import { disconnectDb } from "@/lib/progress";
import { AuthHandler } from "../helpers/next-auth-core";

// This file's modules are its own: point the data layer at a port where no database listens.
process.env.DATABASE_URL = "postgresql://envelope:wrong@127.0.0.1:9/envelope";

afterAll(async () => {
  await disconnectDb();
});

describe("signing in while the database cannot be reached", () => {
  test("sends a fixed code to the error page (then the sign-in page), never the database's error text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = authOptions().secret ?? "";
    const token = "a".repeat(64);
    const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");
    const response = await AuthHandler({
      req: {
        origin: "http://localhost:3000",
        action: "callback",
        providerId: "credentials",
        method: "POST",
        cookies: { "next-auth.csrf-token": `${token}|${hash}` },
        body: { csrfToken: token, email: "someone@example.com", password: "a password" },
        headers: {},
      },
      options: authOptions(),
    });
    const location = response.redirect ?? "";
    expect(new URL(location).searchParams.get("error")).toBe("SignInUnavailable");
    expect(decodeURIComponent(location)).not.toMatch(/127\.0\.0\.1|:9\b|ECONNREFUSED|envelope:wrong|prisma/i);
    vi.restoreAllMocks();
  });
});
