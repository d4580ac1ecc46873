import { getCurrentUser } from "@/lib/auth";
import { readJsonBody, refusalResponse, withDatabase } from "@/lib/http";
import { answerQuestion, questionAnswerSchema, type QuestionResponseBody } from "@/lib/progress";

/**
 * Grade an answer to a judgement question (the option picked) or an audit (the line picked) and store it once per
 * client id: 201 when stored, 200 for a replay of the same client id and body (the stored verdict) or for a visitor
 * (graded, not stored), 409 when a client id comes back with another body. The verdict brings the right answer and
 * why, which the page never sends before.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  const body = await readJsonBody(request, questionAnswerSchema, 2048);
  if (!body.ok) return body.response;
  const result = await answerQuestion(user?.id ?? null, body.data, new Date());
  if (!result.ok) return refusalResponse(result);
  const { ok: _ok, createdAt, ...verdict } = result;
  return Response.json({ ...verdict, createdAt: createdAt?.toISOString() ?? null } satisfies QuestionResponseBody, {
    status: result.stored && !result.duplicate ? 201 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}

export const POST = withDatabase(post);
