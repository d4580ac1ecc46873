import { getCurrentUser } from "@/lib/auth";
import { getLesson } from "@/lib/content";
import { jsonError, withDatabase } from "@/lib/http";
import { getLessonState, type LessonStateResponseBody } from "@/lib/progress";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/**
 * The signed-in learner's part of a lesson page (the page itself is prerendered the same for everyone): completion,
 * prerequisites not yet completed, and the last answers to its exercises and questions. 401 for a visitor.
 */
async function get(_request: Request, context: Context): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to see your answers to this lesson.");
  const { id } = await context.params;
  const lesson = typeof id === "string" ? getLesson(id) : undefined;
  if (!lesson) return jsonError(404, "There is no such lesson.");
  const body: LessonStateResponseBody = await getLessonState(user.id, lesson);
  return Response.json(body, { headers: { "Cache-Control": "no-store, private" } });
}

export const GET = withDatabase(get);
