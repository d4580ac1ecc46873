import { describe, expect, test } from "vitest";
import nextConfig from "@/next.config.js";

type Header = { key: string; value: string };
type Rule = { source: string; headers: Header[] };

/** The headers next.config.js sends with `path`: every rule whose source matches it, later rules winning. */
async function headersFor(path: string): Promise<Map<string, string>> {
  const rules = ((await nextConfig.headers?.()) ?? []) as Rule[];
  const result = new Map<string, string>();
  for (const rule of rules) {
    if (rule.source !== "/:path*" && rule.source !== path) continue;
    for (const { key, value } of rule.headers) result.set(key.toLowerCase(), value);
  }
  return result;
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = "", ...values] = part.split(/\s+/);
        return [name.toLowerCase(), values.join(" ")] as const;
      }),
  );
}

describe("security headers on every response", () => {
  test.each(["/", "/learn/numbers-to-know", "/sign-in", "/api/attempts", "/api/auth/session"])("%s", async (path) => {
    const headers = await headersFor(path);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const csp = directives(headers.get("content-security-policy") ?? "");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    // No script-src that would block Next's inline bootstrap scripts on statically rendered pages (see next.config.js).
    const scripts = csp.get("script-src") ?? csp.get("default-src");
    if (scripts !== undefined) expect(scripts).toContain("'unsafe-inline'");
  });

  test("no header value is empty or carries a line break", async () => {
    for (const [key, value] of await headersFor("/")) {
      expect(value, key).toMatch(/^[^\r\n]+$/);
    }
  });
});
