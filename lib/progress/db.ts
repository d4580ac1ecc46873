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

/** A timeout becomes a DatabaseBusyError with a message a learner can act on; anything else is left as it is. */
export function asDatabaseBusy(error: unknown): unknown {
  if (error instanceof DatabaseBusyError) return error;
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
    adapter: new PrismaPg({
      connectionString: url,
      // Set on every connection of the pool when it opens: no request hangs on a lock or a runaway statement.
      statement_timeout: STATEMENT_TIMEOUT_MS,
      lock_timeout: LOCK_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
  });
  return client.$extends({
    name: "database-busy",
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asDatabaseBusy(error);
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
