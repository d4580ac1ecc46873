import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse, withDatabase } from "@/lib/http";
import { caseWriteSchema, writeCase, type CaseWriteResponseBody } from "@/lib/progress";

/**
 * Every write a learner makes in a case study (start, reveal, next, pause, resume, notes, a checklist mark, a design
 * choice), each with its client id: a replay changes nothing (200), a first write answers 201 with the run as stored.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to work a case.");
  // Notes of up to 20,000 characters, in any script, fit well inside 128 KB of JSON.
  const body = await readJsonBody(request, caseWriteSchema, 128 * 1024);
  if (!body.ok) return body.response;
  const outcome = await writeCase(user.id, body.data, new Date());
  if (!outcome.ok) return refusalResponse(outcome);
  return Response.json({ run: outcome.run, duplicate: outcome.duplicate } satisfies CaseWriteResponseBody, {
    status: outcome.duplicate ? 200 : 201,
  });
}

export const POST = withDatabase(post);
