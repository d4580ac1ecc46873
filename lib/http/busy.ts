import { DatabaseBusyError } from "@/lib/progress";

/**
 * Run a route's work. A write that gave up waiting (a row locked by another request past the lock timeout, or a
 * statement past the statement timeout) answers 503 with why, and Retry-After: its transaction was rolled back, so
 * nothing was saved and the same request (same client id) may be sent again. Anything else is not caught here.
 */
export async function unlessBusy(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatabaseBusyError)
      return Response.json({ error: error.message }, { status: 503, headers: { "Retry-After": "2" } });
    throw error;
  }
}
