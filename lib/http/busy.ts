import { DatabaseBusyError, DatabaseUnavailableError, asDatabaseBusy } from "@/lib/progress";
import { databaseUnavailableResponse } from "./outage";

/**
 * Run a route's work. A write that gave up waiting (a row locked by another request past the lock timeout, a
 * statement past the statement timeout, a transaction that could not start or finish in time) answers 503 with why, and Retry-After: its transaction was rolled back, so
 * nothing was saved and the same request (same client id) may be sent again. Anything else is not caught here.
 */
export async function unlessBusy(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    // A transaction that could not start or finish in time is raised by $transaction itself, outside any query.
    const busy = asDatabaseBusy(error);
    if (busy instanceof DatabaseUnavailableError) return databaseUnavailableResponse();
    if (busy instanceof DatabaseBusyError)
      return Response.json({ error: busy.message }, { status: 503, headers: { "Retry-After": "2" } });
    throw error;
  }
}
