import { describe, expect, test } from "vitest";
import { refusalResponse, statusFor } from "@/lib/http";

describe("a refusal of lib/progress as an HTTP response", () => {
  test.each([
    { label: "a request that cannot be served as sent", reason: "invalid", status: 400 },
    { label: "no such row for this learner", reason: "not-found", status: 404 },
    { label: "a clash with what is stored", reason: "conflict", status: 409 },
  ] as const)("$label ($reason) → $status", async ({ reason, status }) => {
    expect(statusFor(reason)).toBe(status);
    const response = refusalResponse({ ok: false, reason, message: "Why, in words." });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: "Why, in words." });
  });
});
