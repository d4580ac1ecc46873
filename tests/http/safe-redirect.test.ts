import { describe, expect, test } from "vitest";
import { safeRedirectUrl, safeReturnPath } from "@/lib/http";

// Every hostile form a browser (or a later decode) could read as another site. The page and next-auth receive the
// query value already percent-decoded once, so both the decoded and the still-encoded forms are here.
const hostile = [
  "/\t/evil.example/x",
  "/%09/evil.example/x",
  "/%2509/evil.example/x",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/\u0000/evil.example",
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5cevil.example",
  "/%5Cevil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "https://evil.example",
  "http://evil.example/learn",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  " /learn",
  "/learn\u2028",
  "/learn/\u0100",
  "/café",
  "/\u00a0/evil.example",
  "/%",
  "/%E0%A4%A",
  "/%ZZ",
  "",
  `/${"a".repeat(5000)}`,
];

describe("safeReturnPath: only same-origin paths come back; anything else goes home", () => {
  test.each(hostile.map((value) => ({ value, label: JSON.stringify(value).slice(0, 60) })))(
    "$label → /",
    ({ value }) => {
      expect(safeReturnPath(value)).toBe("/");
    },
  );

  test.each([undefined, null, 42, {}, [], ["//evil.example", "/learn"]])("%j → /", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  test.each([
    ["/", "/"],
    ["/learn/01-numbers", "/learn/01-numbers"],
    ["/practice/qps?seed=42#step-2", "/practice/qps?seed=42#step-2"],
    ["/review?from=%2Flearn", "/review?from=%2Flearn"],
    [["/progress", "/review"], "/progress"],
  ])("%j is kept as %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  test("a kept path is printable ASCII and a same-origin URL", () => {
    for (const value of [...hostile, "/learn/01-numbers", "/a/../b"]) {
      const path = safeReturnPath(value);
      expect(path).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(new URL(path, "https://envelope.test").origin).toBe("https://envelope.test");
    }
  });
});

describe("safeRedirectUrl: next-auth's redirect callback", () => {
  const base = "https://envelope.test";
  test.each(hostile)("%j → the home page", (value) => {
    expect(safeRedirectUrl(value, base)).toBe(`${base}/`);
  });

  test.each([
    ["/learn/01-numbers", `${base}/learn/01-numbers`],
    [`${base}/review`, `${base}/review`],
    ["https://envelope.test.evil.example/review", `${base}/`],
    ["https://envelope.test:8443/review", `${base}/`],
    [`${base}/%09/evil.example`, `${base}/`],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
});
