import { getCurrentUser } from "@/lib/auth";
import { jsonError, withDatabase } from "@/lib/http";
import { exportUserData } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** Everything stored about the signed-in learner, as a JSON download. */
async function get(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to export your data.");
  const data = await exportUserData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="envelope-export-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

export const GET = withDatabase(get);
