import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse } from "@/lib/http";
import { attemptSubmitSchema, recordAttempt, type AttemptResponseBody } from "@/lib/progress";

/**
 * Grade and store a submission. The server rebuilds the exercise from its id and seed and grades with the engine;
 * a repeated clientId returns the stored attempt (200) instead of storing it again (201). A re-check of a variant
 * already submitted is graded but not stored (200, `counted: false`): the first check of a set of numbers counts.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to save your answers.");
  const body = await readJsonBody(request, attemptSubmitSchema);
  if (!body.ok) return body.response;
  const result = await recordAttempt(user.id, body.data, new Date());
  if (!result.ok) return refusalResponse(result);
  return Response.json(
    {
      attempt: result.attempt,
      grade: result.grade,
      duplicate: result.duplicate,
      counted: result.counted,
    } satisfies AttemptResponseBody,
    { status: result.duplicate || !result.counted ? 200 : 201 },
  );
}
