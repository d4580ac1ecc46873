import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "@/proxy";

function page(path: string, cookie?: string): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
  });
}

/** NextResponse.next() is marked with this header; a response of the proxy's own is not. */
const passesThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("the home page: prerendered for visitors, Today for a learner", () => {
  test.each([
    "next-auth.session-token=abc",
    "__Secure-next-auth.session-token=abc",
    "theme=dark; next-auth.session-token.0=abc; next-auth.session-token.1=def",
  ])("a session cookie (%s) on / goes to /today without rendering the page", async (cookie) => {
    const response = await proxy(page("/", cookie));
    expect(passesThrough(response)).toBe(false);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost/today");
  });

  test.each([undefined, "next-auth.csrf-token=abc", "next-auth.callback-url=%2F", "my-next-auth.session-token=x"])(
    "no session cookie (%s): the home page renders",
    async (cookie) => {
      expect(passesThrough(await proxy(page("/", cookie)))).toBe(true);
    },
  );

  test("other pages are not redirected, whatever the cookie", async () => {
    for (const path of ["/learn", "/reference", "/today"])
      expect(passesThrough(await proxy(page(path, "next-auth.session-token=abc")))).toBe(true);
  });
});
