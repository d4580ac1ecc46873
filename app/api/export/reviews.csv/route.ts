import { getCurrentUser } from "@/lib/auth";
import { jsonError, withDatabase } from "@/lib/http";
import { reviewLogCsv } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** The signed-in learner's review log as CSV. */
async function get(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to export your data.");
  return new Response(await reviewLogCsv(user.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="envelope-review-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

export const GET = withDatabase(get);
