import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, withDatabase } from "@/lib/http";
import { resetModuleProgress, resetRequestSchema, type ResetResponseBody } from "@/lib/progress";

/** Forget the learner's progress in one module (lessons, attempts, cards and their reviews); the rest stays. */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to reset your progress.");
  const body = await readJsonBody(request, resetRequestSchema, 1024);
  if (!body.ok) return body.response;
  return Response.json({ removed: await resetModuleProgress(user.id, body.data.module) } satisfies ResetResponseBody);
}

export const POST = withDatabase(post);
