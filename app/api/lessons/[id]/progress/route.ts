import { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { getLesson } from "@/lib/content";
import { jsonError, readJsonBody } from "@/lib/http";
import { addLessonCards, markLessonCompleted, markLessonStarted } from "@/lib/progress";

const progressEventSchema = z.strictObject({ event: z.enum(["started", "completed"]) });

type Context = { params: Promise<{ id: string }> };

/** Record that the learner opened (started) or reached the end of (completed) a lesson. Idempotent. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to keep your progress.");
  const { id } = await context.params;
  if (!getLesson(id)) return jsonError(400, `There is no lesson "${id}".`);
  const body = await readJsonBody(request, progressEventSchema, 1024);
  if (!body.ok) return body.response;
  const now = new Date();
  if (body.data.event === "completed") return Response.json({ progress: await markLessonCompleted(user.id, id, now) });
  const progress = await markLessonStarted(user.id, id, now);
  // Starting a lesson adds its flashcards to the learner's review deck.
  const cardsAdded = await addLessonCards(user.id, id, now);
  return Response.json({ progress, cardsAdded });
}
