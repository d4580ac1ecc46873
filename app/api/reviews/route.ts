import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse, unlessBusy, withDatabase } from "@/lib/http";
import { reviewCard, reviewSubmitSchema, type ReviewResponseBody } from "@/lib/progress";

/**
 * Rate a due card: `{ clientId, cardId, rating }` for a flashcard, `{ clientId, cardId, answer, seed, token }` for a
 * missed estimation step (graded by the engine; its verdict gives the rating). A repeated clientId stores nothing new;
 * the same clientId with another body is refused (409).
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to review.");
  const body = await readJsonBody(request, reviewSubmitSchema, 4096);
  if (!body.ok) return body.response;
  const input = body.data;
  return unlessBusy(async () => {
    const outcome = await reviewCard(user.id, input, new Date());
    if (!outcome.ok) return refusalResponse(outcome);
    const { ok: _ok, ...reviewed } = outcome;
    return Response.json(reviewed satisfies ReviewResponseBody, { status: outcome.duplicate ? 200 : 201 });
  });
}

export const POST = withDatabase(post);
