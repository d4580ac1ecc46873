import {
  DatabaseBusyError,
  DatabaseUnavailableError,
  asDatabaseBusy,
  databaseOutage,
  markDatabaseDown,
  probeDatabase,
} from "@/lib/progress";

/** Seconds a client is asked to wait before sending again while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** 503 with a message and Retry-After: the database cannot be reached, nothing was stored, send the same request again. */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: new DatabaseUnavailableError("").message },
    { status: 503, headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

/**
 * Wrap a route handler so a database that cannot be reached answers 503 with a message within seconds, never a 500
 * with an empty body or a hang: while an outage is known, one shared probe (at most one a second) decides before the
 * handler runs; a refused or lost connection while it runs answers 503 and marks the outage; a lock or statement
 * timeout answers 503 with its own message (as `unlessBusy`). When the database answers again, the next request runs
 * normally: the pool opens new connections, nothing needs a restart.
 */
export function withDatabase<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A): Promise<Response> => {
    if (databaseOutage() && !(await probeDatabase())) return databaseUnavailableResponse();
    try {
      return await handler(...args);
    } catch (error) {
      const mapped = asDatabaseBusy(error);
      if (mapped instanceof DatabaseUnavailableError) {
        markDatabaseDown(mapped.reason, new Date());
        console.error(`[database] unreachable: ${mapped.reason}`);
        return databaseUnavailableResponse();
      }
      if (mapped instanceof DatabaseBusyError)
        return Response.json({ error: mapped.message }, { status: 503, headers: { "Retry-After": "2" } });
      throw error;
    }
  };
}
