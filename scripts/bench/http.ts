// npm run bench: Envelope's pages and writes beside their floors, measured in one run on a production build.
//
// It copies the project to a temporary folder, adds three floor endpoints there (scripts/bench/floors.ts), builds it,
// starts it on its own embedded PostgreSQL and ports, signs in ten learners, drives every page and write with
// autocannon on loopback, and prints one table: requests/s and p50/p95/p99 of each, and its ratio to its floor
// (static file, blank prerendered page, dynamic page that reads the session and one row, bare insert); the writes at 10
// and 50 connections with 10 % of requests retried and the rows counted after; the writes through one app process
// and through two; and the first-load JavaScript of each page. Then the engine and review benchmarks.
//   --seconds 10     length of each measured run (default 10)
//   --rounds 3       rounds per endpoint, interleaved; the median round is reported (default 3)
//   --keep           keep the copy (and its build) for a following run with --reuse
//   --reuse          use the copy and build kept by --keep
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../db/embedded-postgres.mjs";
import { migrate } from "../db/migrate.mjs";
import { firstLoadJs } from "./first-load";
import { FLOOR_FILES } from "./floors";

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
};
const SECONDS = option("seconds", 10);
const ROUNDS = option("rounds", 3);
const LEARNERS = 10;
const PASSWORD = "bench-password-long-enough";
const SECRET = crypto.randomBytes(24).toString("base64url");

const root = process.cwd();
const copy = path.join(
  os.tmpdir(),
  `envelope-bench-${crypto.createHash("sha1").update(root).digest("hex").slice(0, 8)}`,
);
const children: ChildProcess[] = [];
const log = (line: string) => console.error(`[bench] ${line}`);

/** The project as it is, plus the floor endpoints, in a folder of its own; node_modules hard-linked, not copied. */
function prepareCopy() {
  if (flag("reuse") && fs.existsSync(path.join(copy, ".next", "BUILD_ID"))) {
    log(`reusing the build in ${copy}`);
    return;
  }
  fs.rmSync(copy, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  const skip = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report"]);
  for (const entry of fs.readdirSync(root)) {
    if (skip.has(entry) || entry.endsWith(".tsbuildinfo")) continue;
    fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(copy, "node_modules")]);
  if (linked.status !== 0) throw new Error(`could not link node_modules: ${linked.stderr.toString()}`);
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.writeFileSync(path.join(copy, file), text);
  }
  log(`building a production copy in ${copy} (a few minutes on 2 cores)`);
  const built = spawnSync("npx", ["next", "build"], {
    cwd: copy,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: SECRET },
  });
  if (built.status !== 0) throw new Error("next build failed in the copy");
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer in ${timeoutMs / 1000} s`);
}

/** `next start` of the copy on `port`, against `databaseUrl`. */
async function startApp(port: number, databaseUrl: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/with-db.ts", "next", "start", "-p", String(port)],
    {
      cwd: copy,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: SECRET,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
    },
  );
  children.push(child);
  await waitFor(`${base}/api/health`);
  return base;
}

/** A loopback proxy that hands requests to `backends` in turn, over keep-alive connections. */
function roundRobin(port: number, backends: readonly string[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(backends[next++ % backends.length] ?? "");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Sign in through next-auth's credentials flow, as the sign-in form does; the session cookie comes back. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`);
  return session.split(";")[0] ?? "";
}

type Figures = { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; sent: number };

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** each request's headers and body, for writes */
  next?: () => { headers?: Record<string, string>; body: string };
};

/** One autocannon run; p95 from every response time (autocannon's own summary stops at p90 and p97.5). */
async function load(options: LoadOptions): Promise<Figures> {
  const times: number[] = [];
  const requests: autocannon.Request[] | undefined = options.next
    ? [
        {
          setupRequest: (request) => {
            const made = options.next?.() ?? { body: "" };
            return { ...request, body: made.body, headers: { ...request.headers, ...made.headers } };
          },
        },
      ]
    : undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        ...(requests ? { requests } : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    sent: times.length,
  };
}

/** The round with the median p95 of `rounds`. */
function median(rounds: readonly Figures[]): Figures {
  const sorted = [...rounds].sort((a, b) => a.p95 - b.p95);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error("no rounds");
  return middle;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "–");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const pad = (cells: readonly string[], widths: readonly number[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");

async function main() {
  prepareCopy();
  const pgPort = await freePort();
  const database = await startEmbeddedPostgres({ dir: path.join(copy, ".data", "pg"), port: pgPort, log: () => {} });
  const stopDatabase = database.stop;
  try {
    await migrate("deploy", database.url, { log: () => {} });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // Ten learners with one password hash (argon2id, made once), and every published card due for each.
    const { hash } = await import("@node-rs/argon2");
    const passwordHash = await hash(PASSWORD);
    const emails = Array.from({ length: LEARNERS }, (_, i) => `bench-${i}@example.com`);
    await client.query(`TRUNCATE "User" CASCADE`);
    for (const email of emails)
      await client.query(`INSERT INTO "User" (id, email, "passwordHash") VALUES (gen_random_uuid(), $1, $2)`, [
        email,
        passwordHash,
      ]);
    const cardFiles = fs.readdirSync(path.join(copy, "content", "cards")).filter((f) => f.endsWith(".json"));
    const cardIds = cardFiles.flatMap((file) => {
      const parsed = JSON.parse(fs.readFileSync(path.join(copy, "content", "cards", file), "utf8")) as unknown;
      const list = Array.isArray(parsed) ? parsed : ((parsed as { cards?: unknown[] }).cards ?? []);
      return list.flatMap((card) => (typeof card === "object" && card && "id" in card ? [String(card.id)] : []));
    });
    await client.query(
      `INSERT INTO "ReviewCard" ("userId", "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps",
         reps, lapses, state, "lastReview")
       SELECT u.id, c.id, 'fact', now() - interval '1 day', 10, 5, 10, 0, 3, 0, 'review', now() - interval '11 days'
       FROM "User" u, unnest($1::text[]) AS c(id)`,
      [cardIds],
    );

    const port = await freePort();
    const base = await startApp(port, database.url);
    const cookies = await Promise.all(emails.map((email) => signIn(base, email)));
    const cookie = cookies[0] ?? "";
    log(`${LEARNERS} learners signed in; ${cardIds.length} cards due for each`);

    // Pages, interleaved round by round so a slow minute of the machine touches every endpoint alike.
    const pages: { name: string; path: string; floor: "static" | "blank" | "dynamic"; signedIn: boolean }[] = [
      { name: "static file (floor)", path: "/bench-floor.txt", floor: "static", signedIn: false },
      { name: "blank prerendered page (floor)", path: "/bench-floor/blank", floor: "blank", signedIn: false },
      { name: "session + one row (dynamic floor)", path: "/bench-floor/dynamic", floor: "dynamic", signedIn: true },
      { name: "home, visitor", path: "/", floor: "blank", signedIn: false },
      { name: "a lesson", path: "/learn/estimation-pipeline", floor: "blank", signedIn: true },
      { name: "/learn", path: "/learn", floor: "dynamic", signedIn: true },
      { name: "/practice", path: "/practice", floor: "dynamic", signedIn: true },
      { name: "/today", path: "/today", floor: "dynamic", signedIn: true },
      { name: "/review", path: "/review", floor: "dynamic", signedIn: true },
      { name: "/progress", path: "/progress", floor: "dynamic", signedIn: true },
    ];
    const rounds = new Map<string, Figures[]>();
    for (const page of pages)
      await load({
        url: base + page.path,
        connections: 10,
        seconds: 2,
        headers: page.signedIn ? { cookie } : {},
      });
    for (let round = 0; round < ROUNDS; round++) {
      for (const page of pages) {
        log(`round ${round + 1}/${ROUNDS}: ${page.path}`);
        const figures = await load({
          url: base + page.path,
          connections: 50,
          seconds: SECONDS,
          headers: page.signedIn ? { cookie } : {},
        });
        rounds.set(page.path, [...(rounds.get(page.path) ?? []), figures]);
      }
    }
    const pageFigures = new Map(pages.map((page) => [page.path, median(rounds.get(page.path) ?? [])]));
    const floorOf = {
      static: pageFigures.get("/bench-floor.txt"),
      blank: pageFigures.get("/bench-floor/blank"),
      dynamic: pageFigures.get("/bench-floor/dynamic"),
    };

    // Writes: each request a new client id, except 10 % that resend an earlier request whole (a retry).
    const exerciseId = "drill-dau-to-peak-qps";
    let seed = 1;
    const token = (s: number) =>
      crypto.createHmac("sha256", SECRET).update(`${exerciseId}:${s}`).digest("base64url").slice(0, 22);
    type Sent = { headers: Record<string, string>; body: string; clientId: string };
    const makeWriter = (fresh: () => Sent) => {
      const sent: Sent[] = [];
      const ids = new Set<string>();
      return {
        ids,
        next: () => {
          const retry = sent.length > 0 && Math.random() < 0.1;
          const request = retry ? (sent[Math.floor(Math.random() * sent.length)] ?? fresh()) : fresh();
          if (!retry) {
            sent.push(request);
            ids.add(request.clientId);
          }
          return { headers: request.headers, body: request.body };
        },
      };
    };
    const jsonHeaders = (learner: number) => ({
      "content-type": "application/json",
      origin: base,
      cookie: cookies[learner] ?? "",
    });
    let learnerTurn = 0;
    let cardTurn = 0;
    const writes = {
      insert: () => {
        const clientId = crypto.randomUUID();
        return { clientId, headers: jsonHeaders(learnerTurn++ % LEARNERS), body: JSON.stringify({ clientId }) };
      },
      attempt: () => {
        const clientId = crypto.randomUUID();
        const s = seed++;
        return {
          clientId,
          headers: jsonHeaders(learnerTurn++ % LEARNERS),
          body: JSON.stringify({
            clientId,
            exerciseId,
            seed: s,
            token: token(s),
            source: "drill",
            answers: { daily: "1 billion", avg: "12k", peakRate: "36k" },
            elapsedMs: 40_000,
          }),
        };
      },
      rating: () => {
        const clientId = crypto.randomUUID();
        const turn = cardTurn++;
        const learner = turn % LEARNERS;
        const cardId = cardIds[Math.floor(turn / LEARNERS) % cardIds.length] ?? "";
        return {
          clientId,
          headers: jsonHeaders(learner),
          body: JSON.stringify({ clientId, cardId, rating: 3, durationMs: 3000 }),
        };
      },
    };
    const writeRows: string[][] = [];
    const count = async (table: string, ids: Set<string>) =>
      Number(
        (await client.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "clientId" = ANY($1::uuid[])`, [[...ids]]))
          .rows[0]?.n ?? 0,
      );
    const writeFigures = new Map<string, Figures>();
    for (const connections of [10, 50]) {
      for (const [name, make, url, table] of [
        ["bare insert (floor)", writes.insert, "/api/bench-floor/insert", "Attempt"],
        ["graded answer", writes.attempt, "/api/attempts", "Attempt"],
        ["card rating", writes.rating, "/api/reviews", "ReviewLog"],
      ] as const) {
        const writer = makeWriter(make);
        log(`writes: ${name} at ${connections} connections`);
        const figures = await load({
          url: base + url,
          method: "POST",
          connections,
          seconds: SECONDS,
          next: writer.next,
        });
        writeFigures.set(`${name}@${connections}`, figures);
        const stored = await count(table, writer.ids);
        const floor = writeFigures.get(`bare insert (floor)@${connections}`);
        writeRows.push([
          `${name}, ${connections} conn.`,
          figures.rps.toFixed(0),
          ms(figures.p50),
          ms(figures.p95),
          ms(figures.p99),
          floor && name !== "bare insert (floor)" ? `${(figures.p95 / floor.p95).toFixed(2)}×` : "1",
          String(figures.errors + figures.non2xx),
          `${stored} / ${writer.ids.size}`,
        ]);
      }
    }

    // What a second process buys on 2 cores: graded answers at 50 connections through a round-robin proxy.
    const secondBase = await startApp(await freePort(), database.url);
    const processRows: string[][] = [];
    for (const backends of [[base], [base, secondBase]]) {
      const proxyPort = await freePort();
      const proxy = await roundRobin(proxyPort, backends);
      const writer = makeWriter(writes.attempt);
      const figures = await load({
        url: `http://127.0.0.1:${proxyPort}/api/attempts`,
        method: "POST",
        connections: 50,
        seconds: SECONDS,
        next: writer.next,
      });
      proxy.close();
      processRows.push([
        `graded answer, ${backends.length} process${backends.length > 1 ? "es" : ""}`,
        figures.rps.toFixed(0),
        ms(figures.p50),
        ms(figures.p95),
        ms(figures.p99),
        String(figures.errors + figures.non2xx),
        `${await count("Attempt", writer.ids)} / ${writer.ids.size}`,
      ]);
    }

    const js = new Map<string, number>();
    for (const page of pages.filter((p) => p.path !== "/bench-floor.txt"))
      js.set(page.path, (await firstLoadJs(base, page.path, page.signedIn ? cookie : "")).bytes);
    await client.end();

    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    console.log(`\nEnvelope bench: ${machine}; ${ROUNDS} rounds of ${SECONDS} s at 50 connections, median round\n`);
    const pageWidths = [34, 8, 8, 8, 8, 10, 8, 10];
    console.log(pad(["page", "req/s", "p50", "p95", "p99", "p95÷floor", "errors", "first JS"], pageWidths));
    for (const page of pages) {
      const f = pageFigures.get(page.path);
      const floor = floorOf[page.floor];
      if (!f) continue;
      const ratio = floor && floor !== f ? `${(f.p95 / floor.p95).toFixed(1)}× ${page.floor}` : "1";
      const bytes = js.get(page.path);
      console.log(
        pad(
          [
            page.name,
            f.rps.toFixed(0),
            ms(f.p50),
            ms(f.p95),
            ms(f.p99),
            ratio,
            String(f.errors + f.non2xx),
            bytes === undefined ? "–" : kb(bytes),
          ],
          pageWidths,
        ),
      );
    }
    console.log("");
    const writeWidths = [34, 8, 8, 8, 8, 10, 8, 14];
    console.log(
      pad(["write (10 % retried)", "req/s", "p50", "p95", "p99", "p95÷floor", "errors", "stored/unique"], writeWidths),
    );
    for (const row of writeRows) console.log(pad(row, writeWidths));
    console.log("");
    const processWidths = [34, 8, 8, 8, 8, 8, 14];
    console.log(
      pad(["through a loopback proxy", "req/s", "p50", "p95", "p99", "errors", "stored/unique"], processWidths),
    );
    for (const row of processRows) console.log(pad(row, processWidths));
    console.log("");
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await stopDatabase();
    if (!flag("keep")) fs.rmSync(copy, { recursive: true, force: true });
  }

  // The engine and the review queue, with their own fixtures.
  for (const [script, args] of [
    ["scripts/bench-engine.ts", []],
    ["scripts/bench-reviews.ts", ["--learners", "100"]],
  ] as const) {
    spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: root,
      stdio: "inherit",
    });
  }
}

main().catch((error: unknown) => {
  for (const child of children) child.kill("SIGTERM");
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
