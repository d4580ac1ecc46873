import { getCurrentUser } from "@/lib/auth";
import { readJsonBody, refusalResponse, unlessBusy, withDatabase } from "@/lib/http";
import { attemptSubmitSchema, gradeAttemptForVisitor, recordAttempt, type AttemptResponseBody } from "@/lib/progress";

/**
 * Grade and store a submission. The server rebuilds the exercise from its id and seed and grades with the engine;
 * a repeated clientId returns the stored attempt (200) instead of storing it again (201), and the same clientId with
 * another body is refused (409). A re-check of a variant
 * already submitted is graded but not stored (200, `counted: false`): the first check of a set of numbers counts.
 * A visitor without an account gets the grade and nothing is stored (200, `stored: false`); the browser keeps the
 * submission and sends it again, with the same client id, once the visitor signs in.
 */
async function post(request: Request): Promise<Response> {
  const body = await readJsonBody(request, attemptSubmitSchema);
  if (!body.ok) return body.response;
  const user = await getCurrentUser();
  if (!user) {
    const graded = gradeAttemptForVisitor(body.data);
    if (!graded.ok) return refusalResponse(graded);
    return Response.json({
      attempt: null,
      grade: graded.grade,
      duplicate: false,
      counted: false,
      stored: false,
    } satisfies AttemptResponseBody);
  }
  const input = body.data;
  return unlessBusy(async () => {
    const result = await recordAttempt(user.id, input, new Date());
    if (!result.ok) return refusalResponse(result);
    return Response.json(
      {
        attempt: result.attempt,
        grade: result.grade,
        duplicate: result.duplicate,
        counted: result.counted,
        stored: true,
      } satisfies AttemptResponseBody,
      { status: result.duplicate || !result.counted ? 200 : 201 },
    );
  });
}

export const POST = withDatabase(post);
