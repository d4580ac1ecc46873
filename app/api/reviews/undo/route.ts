import { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse } from "@/lib/http";
import { undoLastReview } from "@/lib/progress";

const undoSchema = z.strictObject({ clientId: z.uuid() });

/** Undo the learner's last rating: the card gets back exactly its earlier state. 409 when there is nothing to undo. */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to review.");
  const body = await readJsonBody(request, undoSchema, 1024);
  if (!body.ok) return body.response;
  const outcome = await undoLastReview(user.id, body.data.clientId, new Date());
  if (!outcome.ok) return refusalResponse(outcome);
  return Response.json(outcome);
}
