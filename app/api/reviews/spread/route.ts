import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, unlessBusy, withDatabase } from "@/lib/http";
import { spreadDueBacklog, spreadRequestSchema, type SpreadResponseBody } from "@/lib/progress";

/**
 * Spread a backlog of due reviews: `{ perDay }` keeps that many of the most overdue due today and moves the rest to
 * the following days. Sending it again changes nothing.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to spread your reviews.");
  const body = await readJsonBody(request, spreadRequestSchema, 256);
  if (!body.ok) return body.response;
  const { perDay } = body.data;
  return unlessBusy(async () =>
    Response.json((await spreadDueBacklog(user.id, perDay, new Date())) satisfies SpreadResponseBody),
  );
}

export const POST = withDatabase(post);
