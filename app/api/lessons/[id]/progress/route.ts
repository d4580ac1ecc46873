import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse, withDatabase } from "@/lib/http";
import { lessonEventSchema, recordLessonEvent, type LessonProgressResponseBody } from "@/lib/progress";

type Context = { params: Promise<{ id: string }> };

/**
 * Record that the learner opened (started) or reached the end of (completed) a lesson. Idempotent. Completing a lesson
 * adds its flashcards to the deck; opening it does not.
 */
async function post(request: Request, context: Context): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to keep your progress.");
  const { id } = await context.params;
  const body = await readJsonBody(request, lessonEventSchema, 1024);
  if (!body.ok) return body.response;
  const outcome = await recordLessonEvent(user.id, id, body.data.event, new Date());
  if (!outcome.ok) return refusalResponse(outcome);
  return Response.json({
    progress: outcome.progress,
    cardsAdded: outcome.cardsAdded,
  } satisfies LessonProgressResponseBody);
}

export const POST = withDatabase(post);
