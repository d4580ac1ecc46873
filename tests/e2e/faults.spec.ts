import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import fs from "node:fs";
import path from "node:path";
import { freePort, startEmbeddedPostgres, urlFor } from "../../scripts/db/embedded-postgres.mjs";
import { migrate } from "../../scripts/db/migrate.mjs";

// kill -9 in the middle of a burst of writes: a second production server (the same build, its own port, the e2e
// database) takes 50 graded answers and ratings at once and is killed part-way. Started again, it receives every write
// that was not acknowledged, with the same client ids, as the browser's outbox resends them. The database then holds
// each write exactly once, and every stored answer with the review cards it makes: nothing half-written.

const DATABASE_URL = urlFor(Number(process.env.E2E_PG_PORT ?? 54339));
const SECRET = "e2e-secret-e2e-secret-e2e-secret";
const PASSWORD = "a good long password";

/** `next start` of the existing build on `port`, against the e2e database; resolves once /api/health answers 200. */
async function startServer(port: number, databaseUrl = DATABASE_URL): Promise<ChildProcess> {
  const child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // As the suite's own server (playwright.config.ts): the browser tests sign up dozens of learners from one address.
      ENVELOPE_SIGN_UPS_PER_HOUR: "100000",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const errors: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the second server exited: ${errors.join("").slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error("the second server did not answer /api/health within 60 s");
}

/** The session cookie of a new learner: signed up through /api/sign-up, signed in through next-auth's credentials. */
async function signIn(base: string, email: string): Promise<string> {
  const signedUp = await fetch(`${base}/api/sign-up`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Burst", email, password: PASSWORD }),
  });
  expect(signedUp.status).toBe(201);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = signedIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in gave no session cookie (status ${signedIn.status})`);
  return session;
}

type Write = { kind: "attempt" | "rating"; path: string; clientId: string; body: Record<string, unknown> };

/** Send one write; true when the server acknowledged it (stored, or already stored: 200 or 201). */
async function send(base: string, cookie: string, write: Write): Promise<{ acked: boolean; status: number | null }> {
  try {
    const response = await fetch(`${base}${write.path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify(write.body),
    });
    await response.arrayBuffer();
    return { acked: response.status === 200 || response.status === 201, status: response.status };
  } catch {
    return { acked: false, status: null }; // the connection died with the server
  }
}

test.describe("kill -9 during a burst of writes", () => {
  test.setTimeout(180_000);

  test("every write is stored exactly once, with its cards, after a restart and a resend", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(port);
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      const email = `faults-${randomUUID().slice(0, 8)}@example.com`;
      const cookie = await signIn(base, email);
      const { rows: users } = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
      const userId = users[0]?.id;
      if (!userId) throw new Error("the learner was not stored");

      // Cards to rate: the estimation module's flashcards join the deck.
      const deck = await fetch(`${base}/api/deck`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify({ module: "estimation" }),
      });
      expect(deck.status).toBe(200);
      const { rows: cards } = await db.query<{ cardId: string }>(
        `SELECT "cardId" FROM "ReviewCard" WHERE "userId" = $1 ORDER BY "cardId" LIMIT 25`,
        [userId],
      );
      expect(cards.length).toBe(25);

      // Variants to answer: 25 drills served with their tokens, each answered wrong in every step (so each stored
      // answer must come with a review card per missed step).
      const drillIds = [
        "drill-dau-to-peak-qps",
        "drill-cache-miss-db-load",
        "drill-bandwidth-bits-and-bytes",
        "drill-effective-cache-latency",
        "drill-transfer-time",
      ];
      const writes: Write[] = [];
      for (let i = 0; i < 25; i++) {
        const served = await fetch(`${base}/api/variants`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: cookie },
          body: JSON.stringify({ drillId: drillIds[i % drillIds.length], open: false }),
        });
        expect(served.status).toBe(200);
        const variant = (await served.json()) as {
          prompt: { id: string; seed: number; steps: { id: string }[] };
          token: string;
        };
        const clientId = randomUUID();
        writes.push({
          kind: "attempt",
          path: "/api/attempts",
          clientId,
          body: {
            clientId,
            exerciseId: variant.prompt.id,
            seed: variant.prompt.seed,
            token: variant.token,
            source: "drill",
            answers: Object.fromEntries(variant.prompt.steps.map((step) => [step.id, "1"])),
            elapsedMs: 5_000,
          },
        });
      }
      for (const card of cards) {
        const clientId = randomUUID();
        writes.push({
          kind: "rating",
          path: "/api/reviews",
          clientId,
          body: { clientId, cardId: card.cardId, rating: 3, durationMs: 4_000 },
        });
      }
      // Interleave answers and ratings, as a learner's outbox would hold them.
      writes.sort((a, b) => a.clientId.localeCompare(b.clientId));

      // The burst: all 50 at once; the server is killed once 10 have been acknowledged (or after 2 s).
      let acknowledged = 0;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        server.kill("SIGKILL");
      };
      const timer = setTimeout(kill, 2_000);
      const first = await Promise.all(
        writes.map((write) =>
          send(base, cookie, write).then((outcome) => {
            if (outcome.acked && ++acknowledged >= 10) kill();
            return outcome;
          }),
        ),
      );
      clearTimeout(timer);
      kill();
      if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once("exit", r));
      const ackedFirst = first.filter((outcome) => outcome.acked).length;
      const lost = writes.filter((_, index) => !first[index]?.acked);
      const { rows: storedAtKill } = await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM "Attempt" WHERE "userId" = $1)::int + (SELECT count(*) FROM "ReviewLog" WHERE "userId" = $1)::int AS n`,
        [userId],
      );
      console.log(
        `burst: ${ackedFirst} of ${writes.length} acknowledged before kill -9, ${storedAtKill[0]?.n ?? 0} stored, ` +
          `${lost.length} to resend`,
      );
      expect(lost.length).toBeGreaterThan(0); // the kill did land part-way
      expect(ackedFirst).toBeGreaterThan(0);

      // Started again: the outbox resends what was not acknowledged, with the same client ids and bodies.
      server = await startServer(port);
      const resent = await Promise.all(lost.map((write) => send(base, cookie, write)));
      expect(resent.map((outcome) => outcome.status)).toEqual(lost.map(() => expect.any(Number)));
      expect(resent.filter((outcome) => !outcome.acked)).toEqual([]);

      // Exactly once: one attempt row per answer's client id, one log row per rating's client id.
      const attemptIds = writes.filter((write) => write.kind === "attempt").map((write) => write.clientId);
      const ratingIds = writes.filter((write) => write.kind === "rating").map((write) => write.clientId);
      const { rows: attempts } = await db.query<{ clientId: string; exerciseId: string; steps: unknown }>(
        `SELECT "clientId", "exerciseId", steps FROM "Attempt" WHERE "userId" = $1`,
        [userId],
      );
      expect(attempts.map((row) => row.clientId).sort()).toEqual([...attemptIds].sort());
      const { rows: logs } = await db.query<{ clientId: string; cardId: string }>(
        `SELECT "clientId", "cardId" FROM "ReviewLog" WHERE "userId" = $1`,
        [userId],
      );
      expect(logs.map((row) => row.clientId).sort()).toEqual([...ratingIds].sort());

      // Nothing half-written: every rated card was reviewed once; every stored answer has a card per missed step.
      const { rows: rated } = await db.query<{ cardId: string; reps: number }>(
        `SELECT "cardId", reps FROM "ReviewCard" WHERE "userId" = $1 AND "cardId" = ANY($2)`,
        [userId, cards.map((card) => card.cardId)],
      );
      expect(rated.map((row) => row.reps)).toEqual(cards.map(() => 1));
      const { rows: stepCards } = await db.query<{ cardId: string }>(
        `SELECT "cardId" FROM "ReviewCard" WHERE "userId" = $1 AND kind = 'step'`,
        [userId],
      );
      const have = new Set(stepCards.map((row) => row.cardId));
      const missing: string[] = [];
      let expectedCards = 0;
      for (const attempt of attempts) {
        const steps = attempt.steps as { id: string; verdict: string }[];
        for (const step of steps) {
          if (["exact", "close", "unreadable"].includes(step.verdict)) continue;
          expectedCards++;
          const id = `step:${attempt.exerciseId}:${step.id}`;
          if (!have.has(id)) missing.push(id);
        }
      }
      expect(expectedCards).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    } finally {
      await db.end();
      if (server.exitCode === null) server.kill("SIGKILL");
    }
  });
});

test.describe("the database stops under a production server", () => {
  test.setTimeout(180_000);

  test("pages and routes answer 503 with a message within 5 s, and recover when it starts again", async () => {
    // Its own database (its own folder and port), so the shared e2e database keeps running for everyone else.
    const dir = path.resolve(".data/e2e-outage-pg");
    fs.rmSync(dir, { recursive: true, force: true });
    const pgPort = await freePort();
    let database = await startEmbeddedPostgres({ dir, port: pgPort, log: () => {} });
    await migrate("deploy", database.url, { log: () => {} });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(port, database.url);
    const timed = async (path: string, init?: RequestInit) => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { redirect: "manual", ...init });
      const text = await response.text();
      return {
        status: response.status,
        text,
        ms: performance.now() - started,
        retryAfter: response.headers.get("retry-after"),
      };
    };
    try {
      expect((await timed("/sign-in")).status).toBe(200);
      await database.stop();

      const health = await timed("/api/health");
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(5_000);
      expect(JSON.parse(health.text)).toMatchObject({ db: "down", error: expect.stringMatching(/: \S+/) });

      // The page request is answered by proxy.ts from the mark the data layer set in the same process.
      for (const page of ["/", "/sign-in", "/review", "/learn"]) {
        const outcome = await timed(page);
        expect({ page, status: outcome.status }).toEqual({ page, status: 503 });
        expect(outcome.ms).toBeLessThan(5_000);
        expect(outcome.retryAfter).toBe("5");
        expect(outcome.text).toMatch(/cannot reach its database/);
      }
      const write = await timed("/api/deck", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ module: "estimation" }),
      });
      expect(write.status).toBe(503);
      expect(write.ms).toBeLessThan(5_000);
      expect(JSON.parse(write.text)).toEqual({ error: expect.stringMatching(/database cannot be reached/) });

      // Started again on the same port: the same server answers again, without a restart.
      database = await startEmbeddedPostgres({ dir, port: pgPort, log: () => {} });
      const until = Date.now() + 15_000;
      let healthy = await timed("/api/health");
      while (healthy.status !== 200 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        healthy = await timed("/api/health");
      }
      expect(healthy.status).toBe(200);
      for (const page of ["/", "/sign-in"]) expect((await timed(page)).status).toBe(200);
    } finally {
      if (server.exitCode === null) server.kill("SIGKILL");
      await database.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
