import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** The longest one statement may run before PostgreSQL cancels it, so no request waits on the database for ever. */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** The longest a statement may wait for a row or table lock that another transaction holds. */
export const LOCK_TIMEOUT_MS = 3_000;
/** A transaction left open and idle this long (its process stalled) is ended, so its locks do not block others. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 15_000;
/** The longest the pool waits to open a connection: a stopped or unreachable database fails fast instead of hanging. */
export const CONNECT_TIMEOUT_MS = 2_000;

/** PostgreSQL's codes for a statement cancelled by lock_timeout (55P03) or statement_timeout (57014). */
const TIMEOUT_CODES = new Set(["55P03", "57014"]);

const BUSY_MESSAGES: Record<string, string> = {
  "55P03": `a row this request needs stayed locked for more than ${LOCK_TIMEOUT_MS / 1000} s`,
  "57014": `a statement ran for more than ${STATEMENT_TIMEOUT_MS / 1000} s`,
  P2028: "its transaction could not start or finish in time",
};

/**
 * A write gave up waiting: on a lock another request holds, past the statement timeout, or for its transaction (no
 * connection free in time, or the transaction's own time limit). Its transaction was rolled back, so nothing of the
 * request was stored, and the same request (same client id) may be sent again.
 */
export class DatabaseBusyError extends Error {
  constructor(readonly code: string) {
    super(`The database is busy: ${BUSY_MESSAGES[code] ?? "it did not answer in time"}. Nothing was saved; try again.`);
    this.name = "DatabaseBusyError";
  }
}

/**
 * The database cannot be reached: it is stopped, restarting, or the network to it is down. Nothing of the request was
 * stored (a transaction cut off half-way is rolled back by PostgreSQL), and the same request may be sent again once it
 * is back. The message says so without the host, port or driver text, which go to the log instead.
 */
export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: string) {
    super("The database cannot be reached right now. Nothing was saved; try again in a moment.");
    this.name = "DatabaseUnavailableError";
  }
}

/** Prisma's codes for a server it cannot reach (P1001), that timed out (P1002, P1008) or closed the connection (P1017). */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The pg adapter's kinds for a connection that could not be opened or was lost. */
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** PostgreSQL's codes for a connection failure (class 08) or a server shutting down or starting (57P01–57P03). */
const UNREACHABLE_POSTGRES = /^(08...|57P0[123])$/;
/** What pg and Node say when a connection cannot be opened or dies under a query. */
const UNREACHABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|timeout exceeded when trying to connect|Connection terminated|connection timeout|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/** The error's chain of causes, the error first (at most 8 deep). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8) {
    chain.push(current);
    if (typeof current !== "object") break;
    const meta: unknown = "meta" in current ? current.meta : undefined;
    const adapterError: unknown =
      typeof meta === "object" && meta !== null && "driverAdapterError" in meta ? meta.driverAdapterError : undefined;
    current = adapterError ?? ("cause" in current ? current.cause : undefined);
  }
  return chain;
}

/** A field of an object-like error as a string, if it is one. */
function field(value: unknown, name: string): string | undefined {
  if (typeof value !== "object" || value === null || !(name in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[name];
  return typeof found === "string" ? found : undefined;
}

/** True when the error (or one of its causes) says the database cannot be reached or the connection was lost. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  return causeChain(error).some((link) => {
    const code = field(link, "code");
    if (code && UNREACHABLE_PRISMA_CODES.has(code)) return true;
    const kind = field(link, "kind");
    if (kind && UNREACHABLE_KINDS.has(kind)) return true;
    const originalCode = field(link, "originalCode") ?? code;
    if (originalCode && UNREACHABLE_POSTGRES.test(originalCode)) return true;
    const message = link instanceof Error ? link.message : field(link, "message");
    return message !== undefined && UNREACHABLE_TEXT.test(message);
  });
}

type OutageState = { downSince: Date | null; reason: string };

/** Shared by every copy of this module in the process (the server's bundles each load their own copy). */
const outageKey = Symbol.for("envelope.database-outage");
const globalForOutage = globalThis as unknown as { [outageKey]?: OutageState };

function outageState(): OutageState {
  globalForOutage[outageKey] ??= { downSince: null, reason: "" };
  return globalForOutage[outageKey];
}

/** Note that the database could not be reached (the first failure's time is kept until it answers again). */
export function markDatabaseDown(reason: string, now: Date): void {
  const state = outageState();
  state.downSince ??= now;
  state.reason = reason;
}

/** Note that the database answered. */
export function markDatabaseUp(): void {
  const state = outageState();
  state.downSince = null;
  state.reason = "";
}

/** Since when the database has failed to answer, with the last reason, or null while it answers. */
export function databaseOutage(): { since: Date; reason: string } | null {
  const state = outageState();
  return state.downSince ? { since: state.downSince, reason: state.reason } : null;
}

/**
 * What went wrong, in one line for the log and the health report (never a stack trace): the driver's reason when the
 * connection failed ("connection refused by 127.0.0.1:5432"), else the last line of the message, where Prisma puts the
 * cause after its "Invalid `…` invocation" preamble.
 */
export function errorReason(error: unknown): string {
  for (const link of causeChain(error)) {
    if (field(link, "kind") === "DatabaseNotReachable") {
      const host = field(link, "host");
      const port = typeof link === "object" && link !== null && "port" in link ? String(link.port) : "";
      return host ? `connection refused by ${host}${port ? `:${port}` : ""}` : "connection refused";
    }
    if (field(link, "kind") === "ConnectionClosed") return "the server closed the connection";
    if (field(link, "kind") === "SocketTimeout") return "the connection timed out";
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^Invalid `.*` invocation/.test(line) && !/^→?\s*\d+\s/.test(line));
  return (lines.at(-1) ?? "").slice(0, 300);
}

/** The PostgreSQL error code behind a Prisma error raised through the pg adapter, if any. */
function postgresCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("meta" in error)) return undefined;
  const meta: unknown = error.meta;
  if (typeof meta !== "object" || meta === null || !("driverAdapterError" in meta)) return undefined;
  const adapterError: unknown = meta.driverAdapterError;
  if (typeof adapterError !== "object" || adapterError === null || !("cause" in adapterError)) return undefined;
  const cause: unknown = adapterError.cause;
  if (typeof cause !== "object" || cause === null || !("originalCode" in cause)) return undefined;
  return typeof cause.originalCode === "string" ? cause.originalCode : undefined;
}

/**
 * A timeout becomes a DatabaseBusyError and a lost or refused connection a DatabaseUnavailableError, each with a
 * message a learner can act on; anything else is left as it is.
 */
export function asDatabaseBusy(error: unknown): unknown {
  if (error instanceof DatabaseBusyError || error instanceof DatabaseUnavailableError) return error;
  if (isDatabaseUnreachable(error)) return new DatabaseUnavailableError(errorReason(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028")
    return new DatabaseBusyError("P2028");
  const code = postgresCode(error);
  return code && TIMEOUT_CODES.has(code) ? new DatabaseBusyError(code) : error;
}

function createDb() {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Envelope with `npm start` or `npm run dev`, which start the embedded PostgreSQL " +
        "and set it, or set DATABASE_URL to your own PostgreSQL.",
    );
  }
  const client = new PrismaClient({
    adapter: new PrismaPg(
      {
        connectionString: url,
        // Set on every connection of the pool when it opens: no request hangs on a lock or a runaway statement.
        statement_timeout: STATEMENT_TIMEOUT_MS,
        lock_timeout: LOCK_TIMEOUT_MS,
        idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
        // A stopped database refuses at once; one that does not answer at all fails after this instead of hanging.
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
      {
        // A pooled connection the server closed (a restart) is dropped by the pool; the next query opens a new one.
        onPoolError: (error) => markDatabaseDown(errorReason(error), new Date()),
        onConnectionError: (error) => markDatabaseDown(errorReason(error), new Date()),
      },
    ),
  });
  return client.$extends({
    name: "database-busy",
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          if (outageState().downSince) markDatabaseUp();
          return result;
        } catch (error) {
          const mapped = asDatabaseBusy(error);
          if (mapped instanceof DatabaseUnavailableError) markDatabaseDown(mapped.reason, new Date());
          throw mapped;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;

const globalForDb = globalThis as unknown as { envelopeDb?: Db };

/** The one Prisma client of the process, created on first use (so a build never needs a database). */
export function db(): Db {
  globalForDb.envelopeDb ??= createDb();
  return globalForDb.envelopeDb;
}

/** Close the client (tests and scripts); the next `db()` call opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.envelopeDb;
  globalForDb.envelopeDb = undefined;
  await client?.$disconnect();
}

/** A transaction of `db()` (what `$transaction` hands its callback); `db()` itself fits where a Tx is asked. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
