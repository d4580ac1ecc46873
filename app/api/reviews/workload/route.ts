import { getCurrentUser } from "@/lib/auth";
import { jsonError, withDatabase } from "@/lib/http";
import { asDatabaseBusy, DatabaseBusyError, getWorkloadTable, type WorkloadTable } from "@/lib/progress";

export const dynamic = "force-dynamic";

/**
 * What each desired retention would cost the signed-in learner: reviews and minutes a day over the next six months,
 * simulated on their own deck. 401 when signed out; 503 (never 500) when the table cannot be worked out just now.
 */
async function get(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to see your review workload.");
  try {
    const table: WorkloadTable = await getWorkloadTable(user.id, new Date());
    return Response.json(table, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A read only: nothing to roll back, and the settings form works without the table, so say so and let it retry.
    const busy = asDatabaseBusy(error);
    if (!(busy instanceof DatabaseBusyError)) console.error("[workload]", error);
    return Response.json(
      { error: "Your review workload could not be worked out just now. Try again in a moment." },
      { status: 503, headers: { "Retry-After": "2", "Cache-Control": "no-store" } },
    );
  }
}

export const GET = withDatabase(get);
