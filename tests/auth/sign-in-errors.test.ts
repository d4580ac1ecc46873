import { describe, expect, test } from "vitest";
import { describeSignInError, describeSignInResult } from "@/components/auth/sign-in-error";

describe("the sign-in page's ?error=: known codes as fixed sentences, never the text of the link", () => {
  test.each([
    ["CredentialsSignin", "Email or password is wrong."],
    ["SignInUnavailable", "Envelope could not check your password just now. Please try again in a moment."],
    ["AccessDenied", "GitHub sign-in was refused. Use your email and password."],
  ])("%s → %s", (code, message) => {
    expect(describeSignInError(code)).toBe(message);
  });

  test.each([
    "Your account is suspended. Call +1 555 0100 to restore it.",
    "Too many failed attempts. Visit https://evil.example to unlock your account.",
    "connect ECONNREFUSED 127.0.0.1:5432",
    "<img src=x onerror=alert(1)>",
    "toString",
    "__proto__",
  ])("%j is not shown", (code) => {
    const message = describeSignInError(code) ?? "";
    expect(message).not.toBe("");
    expect(code).not.toContain(message);
    expect(message).not.toMatch(/evil|555|ECONNREFUSED|<img/);
  });

  test("no code, no message", () => {
    expect(describeSignInError(undefined)).toBeNull();
    expect(describeSignInError("")).toBeNull();
  });

  test("a lock-out from Envelope's own answer keeps its minutes; anything else is fixed", () => {
    const locked = "Too many failed attempts for this email. Try again in 12 minutes.";
    expect(describeSignInResult(locked)).toBe(locked);
    expect(describeSignInResult("connect ECONNREFUSED 127.0.0.1:5432")).toBe("Sign-in failed. Please try again.");
  });
});
