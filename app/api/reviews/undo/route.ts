import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse, unlessBusy, withDatabase } from "@/lib/http";
import { undoLastReview, undoRequestSchema, type UndoResponseBody } from "@/lib/progress";

/**
 * Undo the learner's last rating: the card gets back exactly its earlier state. Undos sent together take turns, so
 * each undoes one rating; 409 when there is nothing (left) to undo.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to review.");
  const body = await readJsonBody(request, undoRequestSchema, 1024);
  if (!body.ok) return body.response;
  const { clientId } = body.data;
  return unlessBusy(async () => {
    const outcome = await undoLastReview(user.id, clientId, new Date());
    if (!outcome.ok) return refusalResponse(outcome);
    const { ok: _ok, ...undone } = outcome;
    return Response.json(undone satisfies UndoResponseBody);
  });
}

export const POST = withDatabase(post);
