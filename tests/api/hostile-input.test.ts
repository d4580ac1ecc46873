import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { disconnectDb } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser, uniqueEmail } from "../helpers/users";

// Every state-changing route handler, as a browser (or another site's page) calls it, against the real database, with
// the session replaced by a real learner's.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => session.user,
}));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
type Route = { path: string; method: string; limit: number; handler: Handler; params?: Record<string, string> };

const routes: Route[] = [
  { path: "/api/attempts", method: "POST", limit: 64 * 1024, handler: (await import("@/app/api/attempts/route")).POST },
  { path: "/api/cases", method: "POST", limit: 128 * 1024, handler: (await import("@/app/api/cases/route")).POST },
  { path: "/api/reviews", method: "POST", limit: 4096, handler: (await import("@/app/api/reviews/route")).POST },
  {
    path: "/api/reviews/undo",
    method: "POST",
    limit: 1024,
    handler: (await import("@/app/api/reviews/undo/route")).POST,
  },
  { path: "/api/questions", method: "POST", limit: 2048, handler: (await import("@/app/api/questions/route")).POST },
  { path: "/api/deck", method: "POST", limit: 1024, handler: (await import("@/app/api/deck/route")).POST },
  { path: "/api/variants", method: "POST", limit: 1024, handler: (await import("@/app/api/variants/route")).POST },
  { path: "/api/settings", method: "PUT", limit: 1024, handler: (await import("@/app/api/settings/route")).PUT },
  { path: "/api/sign-up", method: "POST", limit: 8 * 1024, handler: (await import("@/app/api/sign-up/route")).POST },
  {
    path: "/api/progress/reset",
    method: "POST",
    limit: 1024,
    handler: (await import("@/app/api/progress/reset/route")).POST,
  },
  {
    path: "/api/account/delete",
    method: "POST",
    limit: 1024,
    handler: (await import("@/app/api/account/delete/route")).POST,
  },
  {
    path: "/api/lessons/numbers-to-know/progress",
    method: "POST",
    limit: 1024,
    handler: (await import("@/app/api/lessons/[id]/progress/route")).POST,
    params: { id: "numbers-to-know" },
  },
];

const { POST: authPost } = await import("@/app/api/auth/[...nextauth]/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

beforeEach(async () => {
  session.user = await makeUser("hostile");
});

function call(route: Route, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
  const request = new Request(`http://localhost${route.path}`, {
    method: route.method,
    ...init,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return route.handler(request, { params: Promise.resolve(route.params ?? {}) });
}

async function expectRefused(response: Response, status: number, message: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.error).toMatch(message);
}

/** Rows a learner could have written anywhere; a refused request leaves them at zero. */
async function learnerRows(userId: string): Promise<number> {
  const db = testDb();
  const counts = await Promise.all([
    db.attempt.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.reviewCard.count({ where: { userId } }),
    db.caseWrite.count({ where: { userId } }),
    db.userSettings.count({ where: { userId } }),
    db.lessonProgress.count({ where: { userId } }),
    db.questionAnswer.count({ where: { userId } }),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

describe("cross-site writes", () => {
  test.each(routes)("$method $path: a JSON-looking text/plain body → 415 with a message", async (route) => {
    const response = await call(route, {
      headers: { "Content-Type": "text/plain; charset=application/json" },
      body: JSON.stringify({ event: "completed", clientId: randomUUID() }),
    });
    await expectRefused(response, 415, /application\/json/);
    expect(await learnerRows(session.user!.id)).toBe(0);
  });

  test.each(["application/jsonp", "application/json-seq", "text/json", "multipart/form-data; x=application/json"])(
    "Content-Type %s → 415",
    async (type) => {
      const response = await call(routes[0]!, { headers: { "Content-Type": type }, body: "{}" });
      expect(response.status).toBe(415);
    },
  );

  test.each(routes)("$method $path: Origin of another port or site → 403 with a message", async (route) => {
    for (const origin of ["http://localhost:8080", "https://evil.example", "null", "http://localhost.evil.example"]) {
      const response = await call(route, {
        headers: { "Content-Type": "application/json", Origin: origin },
        body: JSON.stringify({ event: "completed" }),
      });
      await expectRefused(response, 403, /another site/);
    }
    expect(await learnerRows(session.user!.id)).toBe(0);
  });

  test("a cross-site fetch without Origin (Sec-Fetch-Site: cross-site) → 403", async () => {
    const response = await call(routes[0]!, {
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" },
      body: "{}",
    });
    await expectRefused(response, 403, /another site/);
  });

  test("the app's own origin passes (the lesson is marked started)", async () => {
    const route = routes.find((r) => r.path.startsWith("/api/lessons/"))!;
    const response = await call(route, {
      headers: { "Content-Type": "application/json; charset=utf-8", Origin: "http://localhost" },
      body: JSON.stringify({ event: "started" }),
    });
    expect(response.status).toBe(200);
    expect(await testDb().lessonProgress.count({ where: { userId: session.user!.id } })).toBe(1);
  });

  test("next-auth's POSTs from another site → 403", async () => {
    const request = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:8080" },
      body: "email=a%40b.co&password=x",
    });
    // @ts-expect-error a plain Request: the refusal comes before next-auth reads NextRequest's fields
    const response = await authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    await expectRefused(response, 403, /another site/);
  });
});

/** A body of `total` bytes in 16 KB chunks that counts how much of it was read. */
function countingStream(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`{"x":"${"a".repeat(16 * 1024)}`.slice(0, 16 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("body size", () => {
  test.each(routes)("$method $path: Content-Length over $limit bytes → 413 before reading", async (route) => {
    const { stream, pulled } = countingStream(50 * 1024 * 1024);
    const response = await call(route, {
      headers: { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024) },
      body: stream,
    });
    await expectRefused(response, 413, /larger than/);
    expect(pulled()).toBeLessThanOrEqual(route.limit + 64 * 1024);
  });

  test.each(routes)(
    "$method $path: a streamed body without a length is counted and cut at the limit",
    async (route) => {
      const { stream, pulled } = countingStream(50 * 1024 * 1024);
      const response = await call(route, { headers: { "Content-Type": "application/json" }, body: stream });
      await expectRefused(response, 413, /larger than/);
      expect(pulled()).toBeLessThanOrEqual(route.limit + 64 * 1024);
    },
  );

  test("next-auth's sign-in refuses a body over 8 KB with 413, without reading 50 MB", async () => {
    const { stream, pulled } = countingStream(50 * 1024 * 1024);
    const request = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    // @ts-expect-error a plain Request: the refusal comes before next-auth reads NextRequest's fields
    const response = await authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    await expectRefused(response, 413, /larger than 8 KB/);
    expect(pulled()).toBeLessThanOrEqual(8 * 1024 + 64 * 1024);
  });

  test("a Content-Length that is not a number → 400", async () => {
    const response = await call(routes[0]!, {
      headers: { "Content-Type": "application/json", "Content-Length": "lots" },
      body: "{}",
    });
    expect(response.status).toBeLessThan(500);
  });
});

describe("odd bytes: 400 with a message, never 500", () => {
  const odd = [
    { label: "a NUL", text: "12 k\u0000" },
    { label: "a lone high surrogate", text: "12 k\ud800" },
    { label: "a lone low surrogate", text: "\udfff" },
  ];
  const bodies = (text: string) => [
    { answers: { qps: text }, clientId: randomUUID() },
    { cardId: text, clientId: randomUUID(), rating: 3 },
    { name: text, email: uniqueEmail("odd"), password: "long enough" },
    { [text]: 1 },
    [text],
  ];

  test.each(odd)("$label in any field of any route → 400 and nothing stored", async ({ text }) => {
    for (const route of routes) {
      for (const body of bodies(text)) {
        const response = await call(route, {
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        expect(response.status, `${route.path} ${JSON.stringify(body)}`).toBe(400);
        expect((await response.json()).error).toMatch(/NUL|Unicode/);
      }
    }
    expect(await learnerRows(session.user!.id)).toBe(0);
    expect(await testDb().user.count({ where: { name: { contains: "12 k" } } })).toBe(0);
  });

  test("bytes that are not UTF-8 → 400 with a message", async () => {
    const response = await call(routes[0]!, {
      headers: { "Content-Type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    await expectRefused(response, 400, /UTF-8/);
  });

  test.each(["%ZZ", "%E0%A4%A", "%", "\u0000", "\ud800", "numbers-to-know%00"])(
    "a lesson id of %j in the URL → 4xx with a message",
    async (id) => {
      const route = routes.find((r) => r.path.startsWith("/api/lessons/"))!;
      const response = await call(
        { ...route, params: { id } },
        {
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ event: "started" }),
        },
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await response.json()).error).toEqual(expect.any(String));
    },
  );
});
