import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type * as NextAuthModule from "next-auth";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { databaseOutage, disconnectDb, markDatabaseUp } from "@/lib/progress";
import { freePort, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.mjs";
import { migrate } from "../../scripts/db/migrate.mjs";

// The database stops while the app serves: every route handler answers 503 with a message within 5 s, /api/health says
// why, and once the database is back the same handlers answer normally, without a restart. This file runs against a
// SECOND embedded PostgreSQL of its own (its own folder and port), so stopping it leaves the suite's database alone.

// A signed-in learner, as next-auth's getServerSession would find them; the rest of lib/auth (the user lookup that
// needs the database) stays real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof NextAuthModule>();
  return { ...original, getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) };
});

/** Each route file under app/api and the requests it is sent (one per exported method). */
type Call = { method: "GET" | "POST" | "PUT"; path: string; body?: unknown; params?: Record<string, unknown> };
const calls: Record<string, Call[]> = {
  "account/delete": [
    { method: "POST", path: "/api/account/delete", body: { confirmEmail: "someone-else@example.com" } },
  ],
  attempts: [
    {
      method: "POST",
      path: "/api/attempts",
      body: { clientId: randomUUID(), exerciseId: "numbers-image-api-gbps", seed: 1, answers: {}, source: "lesson" },
    },
  ],
  "auth/[...nextauth]": [
    { method: "GET", path: "/api/auth/providers", params: { nextauth: ["providers"] } },
    { method: "POST", path: "/api/auth/signout", body: {}, params: { nextauth: ["signout"] } },
  ],
  cases: [
    { method: "POST", path: "/api/cases", body: { kind: "next", caseId: "url-shortener", clientId: randomUUID() } },
  ],
  deck: [{ method: "POST", path: "/api/deck", body: { module: "estimation" } }],
  export: [{ method: "GET", path: "/api/export" }],
  "export/reviews.csv": [{ method: "GET", path: "/api/export/reviews.csv" }],
  health: [{ method: "GET", path: "/api/health" }],
  "lessons/[id]/progress": [
    {
      method: "POST",
      path: "/api/lessons/numbers-to-know/progress",
      body: { event: "started" },
      params: { id: "numbers-to-know" },
    },
  ],
  "lessons/[id]/state": [
    { method: "GET", path: "/api/lessons/numbers-to-know/state", params: { id: "numbers-to-know" } },
  ],
  me: [{ method: "GET", path: "/api/me" }],
  "progress/reset": [{ method: "POST", path: "/api/progress/reset", body: { module: "estimation", confirm: true } }],
  questions: [
    {
      method: "POST",
      path: "/api/questions",
      body: { clientId: randomUUID(), questionId: "q", optionId: "a", source: "lesson" },
    },
  ],
  reviews: [{ method: "POST", path: "/api/reviews", body: { clientId: randomUUID(), cardId: "c", rating: 3 } }],
  "reviews/spread": [{ method: "POST", path: "/api/reviews/spread", body: { perDay: 10 } }],
  "reviews/undo": [{ method: "POST", path: "/api/reviews/undo", body: { clientId: randomUUID() } }],
  "reviews/workload": [{ method: "GET", path: "/api/reviews/workload" }],
  settings: [
    {
      method: "PUT",
      path: "/api/settings",
      body: { desiredRetention: 0.9, timeZone: "Europe/Berlin", dayStartHour: 4, newCardsPerDay: 20 },
    },
  ],
  "settings/fit": [
    { method: "POST", path: "/api/settings/fit", body: {} },
    { method: "PUT", path: "/api/settings/fit", body: { useFitted: false } },
  ],
  "sign-up": [
    {
      method: "POST",
      path: "/api/sign-up",
      body: { name: "Ada", email: `outage-${randomUUID().slice(0, 8)}@example.com`, password: "correct horse battery" },
    },
  ],
  variants: [{ method: "POST", path: "/api/variants", body: { drillId: "drill-dau-to-peak-qps", open: false } }],
};

/** How each route file is loaded (as Next loads it: the module as written). */
const modules: Record<string, () => Promise<Record<string, unknown>>> = {
  "account/delete": () => import("@/app/api/account/delete/route"),
  attempts: () => import("@/app/api/attempts/route"),
  "auth/[...nextauth]": () => import("@/app/api/auth/[...nextauth]/route"),
  cases: () => import("@/app/api/cases/route"),
  deck: () => import("@/app/api/deck/route"),
  export: () => import("@/app/api/export/route"),
  "export/reviews.csv": () => import("@/app/api/export/reviews.csv/route"),
  health: () => import("@/app/api/health/route"),
  "lessons/[id]/progress": () => import("@/app/api/lessons/[id]/progress/route"),
  "lessons/[id]/state": () => import("@/app/api/lessons/[id]/state/route"),
  me: () => import("@/app/api/me/route"),
  "progress/reset": () => import("@/app/api/progress/reset/route"),
  questions: () => import("@/app/api/questions/route"),
  reviews: () => import("@/app/api/reviews/route"),
  "reviews/spread": () => import("@/app/api/reviews/spread/route"),
  "reviews/undo": () => import("@/app/api/reviews/undo/route"),
  "reviews/workload": () => import("@/app/api/reviews/workload/route"),
  settings: () => import("@/app/api/settings/route"),
  "settings/fit": () => import("@/app/api/settings/fit/route"),
  "sign-up": () => import("@/app/api/sign-up/route"),
  variants: () => import("@/app/api/variants/route"),
};

/**
 * The reference sheet is content, built into the static output at build time (`force-static`), and never reads the
 * database: it keeps answering during an outage, which is the point of a reference sheet.
 */
const WITHOUT_DATABASE = new Set(["reference"]);

/** Every route folder under app/api that holds a route.ts, as "reviews/undo". */
function routeFiles(dir = path.resolve("app/api"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (fs.existsSync(path.join(dir, entry.name, "route.ts"))) found.push(name);
    found.push(...routeFiles(path.join(dir, entry.name), name));
  }
  return found.sort();
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

async function handlerFor(route: string, method: Call["method"]): Promise<Handler> {
  const load = modules[route];
  if (!load) throw new Error(`no module for app/api/${route}`);
  const routeModule = await load();
  const handler = routeModule[method];
  if (typeof handler !== "function") throw new Error(`app/api/${route}/route.ts exports no ${method}`);
  return handler as Handler;
}

/** Send one call as the browser would, and time it. */
async function send(route: string, call: Call): Promise<{ status: number; body: unknown; ms: number }> {
  const handler = await handlerFor(route, call.method);
  const request = new NextRequest(`http://localhost${call.path}`, {
    method: call.method,
    headers: call.body === undefined ? {} : { "Content-Type": "application/json" },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const started = performance.now();
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const ms = performance.now() - started;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A CSV or HTML body stays text.
  }
  return { status: response.status, body, ms };
}

type Server = Awaited<ReturnType<typeof startEmbeddedPostgres>>;
// Not under .data/test-pg: the suite's global setup removes what it finds there that is not its own run's folder.
const dir = path.resolve(".data/test-outage-pg", String(process.pid));
let port = 0;
let server: Server | undefined;

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  port = await freePort();
  server = await startEmbeddedPostgres({ dir, port, log: () => {} });
  await migrate("deploy", server.url, { log: () => {} });
  // Before the data layer first reads the environment: this file's app talks to the second server only.
  process.env.DATABASE_URL = server.url;
  await disconnectDb();
  const { createUser } = await import("@/lib/progress");
  const created = await createUser({ email: `outage-${randomUUID().slice(0, 8)}@example.com` });
  if (!created.ok) throw new Error("could not create the learner");
  session.userId = created.user.id;
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a database outage while the app serves", () => {
  test("every route file under app/api is in this test's table", () => {
    const covered = [...Object.keys(calls), ...WITHOUT_DATABASE].sort();
    expect(routeFiles()).toEqual(covered);
    expect(Object.keys(modules).sort()).toEqual(Object.keys(calls).sort());
  });

  test("stopped: every route answers 503 with a message within 5 s, health gives the reason; started: all recover", async () => {
    if (!server) throw new Error("the second database did not start");
    // Warm up: the learner's own requests work while the database is up (the pool holds open connections).
    const before = await send("health", { method: "GET", path: "/api/health" });
    expect(before.body).toEqual({ db: "ok", migrations: "current" });
    expect(before.status).toBe(200);

    await server.stop();

    // A cold outage: nothing has failed yet in this process, so each handler meets the dead pool itself.
    markDatabaseUp();
    const cold = await send("export", { method: "GET", path: "/api/export" });
    expect(cold.status).toBe(503);
    expect(cold.ms).toBeLessThan(5_000);
    expect(cold.body).toEqual({ error: expect.stringMatching(/database cannot be reached.*Nothing was saved/) });
    expect(databaseOutage()).not.toBeNull();

    markDatabaseUp();
    const coldDeck = await send("deck", { method: "POST", path: "/api/deck", body: { module: "estimation" } });
    expect(coldDeck.status).toBe(503);
    expect(coldDeck.ms).toBeLessThan(5_000);

    const health = await send("health", { method: "GET", path: "/api/health" });
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(5_000);
    expect(health.body).toMatchObject({ db: "down" });
    const reason = (health.body as { error: string }).error.replace(/^The database cannot be reached[^:]*: /, "");
    expect(reason.trim().length).toBeGreaterThan(5);

    let slowest = 0;
    for (const [route, routeCalls] of Object.entries(calls)) {
      if (route === "health") continue;
      for (const call of routeCalls) {
        const outcome = await send(route, call);
        expect({ route, method: call.method, status: outcome.status }).toEqual({
          route,
          method: call.method,
          status: 503,
        });
        expect(outcome.ms, `${call.method} ${call.path} took ${Math.round(outcome.ms)} ms`).toBeLessThan(5_000);
        expect(outcome.body).toEqual({ error: expect.stringMatching(/\w+.*\w+/) });
        slowest = Math.max(slowest, outcome.ms);
      }
    }
    console.log(
      `outage: cold ${Math.round(cold.ms)} ms, health ${Math.round(health.ms)} ms, slowest route ${Math.round(slowest)} ms`,
    );

    // The database comes back on the same port: no restart of the app, the pool opens new connections.
    server = await startEmbeddedPostgres({ dir, port, log: () => {} });
    const deadline = Date.now() + 10_000;
    let healthy = await send("health", { method: "GET", path: "/api/health" });
    while (healthy.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      healthy = await send("health", { method: "GET", path: "/api/health" });
    }
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({ db: "ok", migrations: "current" });
    expect(databaseOutage()).toBeNull();

    // Reads and writes of the learner's own data go through again.
    const statuses: Record<string, number> = {};
    for (const [route, routeCalls] of Object.entries(calls)) {
      for (const call of routeCalls) {
        if (route === "auth/[...nextauth]") continue; // next-auth's handler needs Next's request scope
        const outcome = await send(route, call);
        statuses[`${call.method} ${route}`] = outcome.status;
      }
    }
    // Each as it answers with the database up: stored or read (200, 201), or this learner's own refusal with a message
    // (a wrong confirmation email, an unknown case or question, nothing to undo, too few reviews to fit), never a 5xx.
    expect(statuses).toEqual({
      "POST account/delete": 400,
      "POST attempts": 400,
      "POST cases": 404,
      "POST deck": 200,
      "GET export": 200,
      "GET export/reviews.csv": 200,
      "GET health": 200,
      "POST lessons/[id]/progress": 200,
      "GET lessons/[id]/state": 200,
      "GET me": 200,
      "POST progress/reset": 200,
      "POST questions": 404,
      "POST reviews": 400,
      "POST reviews/spread": 200,
      "POST reviews/undo": 409,
      "GET reviews/workload": 200,
      "PUT settings": 200,
      "POST settings/fit": 422,
      "PUT settings/fit": 200,
      "POST sign-up": 201,
      "POST variants": 200,
    });
  }, 120_000);
});
