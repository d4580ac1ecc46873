// npm run bench: Envelope's pages and writes beside their floors, measured in one run on a production build.
//
// It copies the project to a temporary folder, adds three floor endpoints there (scripts/bench/floors.ts), builds it,
// starts it on its own embedded PostgreSQL and ports, signs in ten learners, drives every page and write with
// autocannon on loopback, and prints one table: requests/s and p50/p95/p99 of each, and its ratio to its floor
// (static file, blank prerendered page, dynamic page that reads the session and one row, bare insert); the writes at 10
// and 50 connections with 10 % of requests retried, and the rows stored checked against the client ids the server
// answered 2xx (each stored once; a request cut off when a run stops may or may not be stored, and is reported apart);
// the writes through one app process and through two behind a round-robin proxy; and the first-load JavaScript of each
// page. Then the engine and review benchmarks. Exits with 1 when an acknowledged write is missing or stored twice.
//   --seconds 10     length of each measured run (default 10)
//   --rounds 3       rounds per endpoint, interleaved; the median round is reported (default 3)
//   --keep           keep the copy (and its build) for a following run with --reuse
//   --reuse          use the copy and build kept by --keep
//   --writes-only    only the writes and the proxy runs (no pages, first-load JS, engine or review benchmarks)
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
import { checkStored, failuresByStatus, writer, type WriteRequest, type Writer } from "./writes";

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
};
const SECONDS = option("seconds", 10);
const ROUNDS = option("rounds", 3);
const WRITES_ONLY = flag("writes-only");
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

/** Headers that describe one connection, not the request: a proxy answers them itself and never passes them on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

/** A running round-robin proxy; `close` ends its listener and its upstream connections. */
type Proxy = { url: string; failures: Map<string, number>; close: () => Promise<void> };

/**
 * A loopback proxy that hands requests to `backends` in turn over keep-alive connections, as a load balancer in front
 * of stateless app processes would: Host is kept (so the app sees the address the client used, which the Origin check
 * compares with), X-Forwarded-* are added, hop-by-hop headers are not passed on, and an upstream failure answers 502
 * with its cause. A proxy rather than Node's cluster module: cluster shares a listening socket among workers it forks
 * itself, but each app process here is `next start` spawned by scripts/with-db.ts, out of cluster's reach; and cluster
 * hands out connections where a load balancer in front of stateless processes hands out requests, which is what this
 * run measures.
 */
function roundRobin(port: number, backends: readonly string[]): Promise<Proxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const failures = new Map<string, number>();
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = new URL(backends[next++ % backends.length] ?? "");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: {
          ...endToEnd(request.headers),
          "x-forwarded-for": request.socket.remoteAddress ?? "127.0.0.1",
          "x-forwarded-host": request.headers.host ?? `127.0.0.1:${port}`,
          "x-forwarded-proto": "http",
        },
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(response);
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      const cause = `${target.host} ${error.code ?? error.message}`;
      failures.set(cause, (failures.get(cause) ?? 0) + 1);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: `proxy: ${cause}` }));
    });
    request.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        failures,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      }),
    ),
  );
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

type Figures = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** connection errors and timeouts: requests that got no answer while the run went on */
  errors: number;
  non2xx: number;
  answered: number;
};

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
  /** each request's headers and body, and what became of it, for writes */
  writer?: Writer;
};

/** One autocannon run; p95 from every response time (autocannon's own summary stops at p90 and p97.5). */
async function load(options: LoadOptions): Promise<Figures> {
  const times: number[] = [];
  const writer = options.writer;
  const requests: autocannon.Request[] | undefined = writer
    ? [{ setupRequest: writer.setupRequest, onResponse: writer.onResponse }]
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
    answered: times.length,
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
    for (const page of WRITES_ONLY ? [] : pages)
      await load({
        url: base + page.path,
        connections: 10,
        seconds: 2,
        headers: page.signedIn ? { cookie } : {},
      });
    for (let round = 0; round < (WRITES_ONLY ? 0 : ROUNDS); round++) {
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
    const pageFigures = new Map(
      pages.flatMap((page) => {
        const measured = rounds.get(page.path);
        return measured ? [[page.path, median(measured)] as const] : [];
      }),
    );
    const floorOf = {
      static: pageFigures.get("/bench-floor.txt"),
      blank: pageFigures.get("/bench-floor/blank"),
      dynamic: pageFigures.get("/bench-floor/dynamic"),
    };

    // Writes: each request a new client id, except 10 % that resend an earlier request whole (a retry). Each is sent
    // with the Origin of the address it goes to, as the app's own pages would send it (the app refuses a write whose
    // Origin is not its own address).
    const exerciseId = "drill-dau-to-peak-qps";
    let seed = 1;
    const token = (s: number) =>
      crypto.createHmac("sha256", SECRET).update(`${exerciseId}:${s}`).digest("base64url").slice(0, 22);
    const jsonHeaders = (learner: number, origin: string) => ({
      "content-type": "application/json",
      origin,
      cookie: cookies[learner] ?? "",
    });
    let learnerTurn = 0;
    let cardTurn = 0;
    const writes = {
      insert: (origin: string): WriteRequest => {
        const clientId = crypto.randomUUID();
        return { clientId, headers: jsonHeaders(learnerTurn++ % LEARNERS, origin), body: JSON.stringify({ clientId }) };
      },
      attempt: (origin: string): WriteRequest => {
        const clientId = crypto.randomUUID();
        const s = seed++;
        return {
          clientId,
          headers: jsonHeaders(learnerTurn++ % LEARNERS, origin),
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
      rating: (origin: string): WriteRequest => {
        const clientId = crypto.randomUUID();
        const turn = cardTurn++;
        const learner = turn % LEARNERS;
        const cardId = cardIds[Math.floor(turn / LEARNERS) % cardIds.length] ?? "";
        return {
          clientId,
          headers: jsonHeaders(learner, origin),
          body: JSON.stringify({ clientId, cardId, rating: 3, durationMs: 3000 }),
        };
      },
    };
    /** Client id → rows stored with it, for the ids of one run. */
    const rowsPerId = async (table: string, ids: readonly string[]) =>
      new Map(
        (
          await client.query<{ id: string; n: number }>(
            `SELECT "clientId"::text AS id, count(*)::int AS n FROM "${table}" WHERE "clientId" = ANY($1::uuid[])
             GROUP BY "clientId"`,
            [ids],
          )
        ).rows.map((row) => [row.id, row.n]),
      );
    /**
     * The rows once requests cut off at the end of a run have finished on the server (they go on after the client
     * hangs up): read until two reads half a second apart agree, at most ten seconds.
     */
    const settledRows = async (table: string, ids: readonly string[]) => {
      let rows = await rowsPerId(table, ids);
      for (let tries = 0; tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const again = await rowsPerId(table, ids);
        const same = again.size === rows.size && [...again].every(([id, n]) => rows.get(id) === n);
        rows = again;
        if (same) break;
      }
      return rows;
    };
    const problems: string[] = [];
    /** One run of writes to `url`; its figures, and the stored rows checked against what the server acknowledged. */
    const measureWrites = async (
      label: string,
      url: string,
      make: (origin: string) => WriteRequest,
      table: string,
      connections: number,
    ) => {
      const origin = new URL(url).origin;
      const run = writer(() => make(origin), Math.random);
      const figures = await load({ url, method: "POST", connections, seconds: SECONDS, writer: run });
      const ids = run.log.fresh.map((sent) => sent.clientId);
      const check = checkStored(run.log, await settledRows(table, ids));
      for (const failure of [...run.log.failures.values()].sort((a, b) => a.status - b.status))
        log(`${label}: HTTP ${failure.status} × ${failure.count}, first body: ${failure.body}`);
      for (const problem of check.problems) problems.push(`${label}: ${problem}`);
      const notes = [
        check.cutOff > 0 ? `cut off: ${check.cutOff}, of which stored: ${check.storedCutOff}` : "",
        check.refused > 0 ? `refused: ${check.refused}, of which stored: ${check.storedRefused}` : "",
        run.log.failures.size > 0 ? `errors by status: ${failuresByStatus(run.log)}` : "",
        figures.errors > 0 ? `no answer (connection error or timeout): ${figures.errors}` : "",
      ].filter(Boolean);
      return {
        figures,
        stored: `${check.storedAcknowledged} / ${check.acknowledged}${check.problems.length > 0 ? " ✗" : ""}`,
        retries: `${run.log.retriesAcknowledged} / ${run.log.retries}`,
        notes: notes.length > 0 ? `  ↳ ${notes.join("; ")}` : undefined,
      };
    };

    /** Two seconds of every write against one process, unmeasured, so no run pays for the first compile of a route. */
    const warmWrites = async (target: string) => {
      log(`writes: warming up ${target}`);
      for (const [url, make] of [
        ["/api/bench-floor/insert", writes.insert],
        ["/api/attempts", writes.attempt],
        ["/api/reviews", writes.rating],
      ] as const)
        await load({
          url: target + url,
          method: "POST",
          connections: 10,
          seconds: 2,
          writer: writer(() => make(target), Math.random),
        });
    };

    await warmWrites(base);
    const writeRows: (string[] | string)[] = [];
    const writeFigures = new Map<string, Figures>();
    for (const connections of [10, 50]) {
      for (const [name, make, url, table] of [
        ["bare insert (floor)", writes.insert, "/api/bench-floor/insert", "Attempt"],
        ["graded answer", writes.attempt, "/api/attempts", "Attempt"],
        ["card rating", writes.rating, "/api/reviews", "ReviewLog"],
      ] as const) {
        log(`writes: ${name} at ${connections} connections`);
        const label = `${name}, ${connections} conn.`;
        const { figures, stored, retries, notes } = await measureWrites(label, base + url, make, table, connections);
        writeFigures.set(`${name}@${connections}`, figures);
        const floor = writeFigures.get(`bare insert (floor)@${connections}`);
        writeRows.push([
          label,
          figures.rps.toFixed(0),
          ms(figures.p50),
          ms(figures.p95),
          ms(figures.p99),
          floor && name !== "bare insert (floor)" ? `${(figures.p95 / floor.p95).toFixed(2)}×` : "1",
          String(figures.errors + figures.non2xx),
          stored,
          retries,
        ]);
        if (notes) writeRows.push(notes);
      }
    }

    // What a second process buys on 2 cores: graded answers at 50 connections through a round-robin proxy.
    const secondBase = await startApp(await freePort(), database.url);
    await warmWrites(secondBase);
    const processRows: (string[] | string)[] = [];
    for (const backends of [[base], [base, secondBase]]) {
      const proxy = await roundRobin(await freePort(), backends);
      const label = `graded answer, ${backends.length} process${backends.length > 1 ? "es" : ""}`;
      log(`writes: ${label} through a proxy`);
      const { figures, stored, retries, notes } = await measureWrites(
        label,
        `${proxy.url}/api/attempts`,
        writes.attempt,
        "Attempt",
        50,
      );
      await proxy.close();
      for (const [cause, count] of proxy.failures) log(`${label}: proxy could not reach ${cause} × ${count}`);
      processRows.push([
        label,
        figures.rps.toFixed(0),
        ms(figures.p50),
        ms(figures.p95),
        ms(figures.p99),
        String(figures.errors + figures.non2xx),
        stored,
        retries,
      ]);
      if (notes) processRows.push(notes);
    }

    const js = new Map<string, number>();
    for (const page of WRITES_ONLY ? [] : pages.filter((p) => p.path !== "/bench-floor.txt"))
      js.set(page.path, (await firstLoadJs(base, page.path, page.signedIn ? cookie : "")).bytes);
    await client.end();

    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    console.log(`\nEnvelope bench: ${machine}; ${ROUNDS} rounds of ${SECONDS} s at 50 connections, median round\n`);
    if (pageFigures.size > 0) {
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
    }
    const writeWidths = [34, 8, 8, 8, 8, 10, 8, 14, 10];
    const row = (cells: string[] | string, widths: readonly number[]) =>
      typeof cells === "string" ? cells : pad(cells, widths);
    console.log(
      pad(
        ["write (10 % retried)", "req/s", "p50", "p95", "p99", "p95÷floor", "errors", "stored/acked", "retries ok"],
        writeWidths,
      ),
    );
    for (const cells of writeRows) console.log(row(cells, writeWidths));
    console.log("");
    const processWidths = [34, 8, 8, 8, 8, 8, 14, 10];
    console.log(
      pad(
        ["through a loopback proxy", "req/s", "p50", "p95", "p99", "errors", "stored/acked", "retries ok"],
        processWidths,
      ),
    );
    for (const cells of processRows) console.log(row(cells, processWidths));
    console.log("");
    console.log(
      "stored/acked: rows stored of the client ids the server answered 2xx; retries ok: retries answered 2xx of sent.",
    );
    if (problems.length > 0) {
      console.log(`\nThe stored rows do not match what the server acknowledged:\n  ${problems.join("\n  ")}`);
      process.exitCode = 1;
    }
    console.log("");
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await stopDatabase();
    if (!flag("keep")) fs.rmSync(copy, { recursive: true, force: true });
  }

  // The engine and the review queue, with their own fixtures.
  if (WRITES_ONLY) return;
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
