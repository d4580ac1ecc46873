import { getCurrentUser } from "@/lib/auth";
import { getLesson } from "@/lib/content";
import { jsonError, readJsonBody, withDatabase } from "@/lib/http";
import { addLessonCards, addModuleCards, deckRequestSchema, type DeckResponseBody } from "@/lib/progress";

/**
 * Add every flashcard of a module (`{ module }`) or of one lesson (`{ lesson }`) to the learner's deck. Cards already
 * there keep their schedule; cards of lessons still to come are not added. New cards are introduced a few a day.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to build your deck.");
  const body = await readJsonBody(request, deckRequestSchema, 1024);
  if (!body.ok) return body.response;
  const now = new Date();
  if ("module" in body.data)
    return Response.json({ added: await addModuleCards(user.id, body.data.module, now) } satisfies DeckResponseBody);
  if (!getLesson(body.data.lesson)) return jsonError(400, `There is no lesson "${body.data.lesson}".`);
  return Response.json({ added: await addLessonCards(user.id, body.data.lesson, now) } satisfies DeckResponseBody);
}

export const POST = withDatabase(post);
