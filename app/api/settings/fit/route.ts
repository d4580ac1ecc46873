import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, refusalResponse, refuseCrossSite, withDatabase } from "@/lib/http";
import { fitChoiceSchema, fitParameters, setUseFitted, type FitOutcome, type FitResponseBody } from "@/lib/progress";

type FitFailure = Extract<FitOutcome, { ok: false }>["reason"];

/** Too little history is the learner's to fix (422); a fit that failed or is queued behind another may be retried (503). */
const statuses = { "too-few": 422, failed: 503, busy: 503 } as const satisfies Record<FitFailure, number>;

/**
 * Fit FSRS parameters to the signed-in learner's reviews. 200 with the new status; 422 below 400 reviews (saying how
 * many they have); 503 with why when the fit process failed, timed out or another fit is running. Never a 500: a fit
 * runs in a child process, and a database that does not answer is a 503 too.
 */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to fit your parameters.");
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  try {
    const outcome = await fitParameters(user.id, new Date());
    if (!outcome.ok) {
      const status = statuses[outcome.reason];
      return Response.json(
        { error: outcome.message },
        { status, headers: status === 503 ? { "Retry-After": "60" } : {} },
      );
    }
    return Response.json({ status: outcome.status } satisfies FitResponseBody);
  } catch {
    return jsonError(503, "Your parameters could not be fitted just now: the database did not answer. Try again.");
  }
}

/**
 * `{ useFitted: boolean }`: schedule with the fitted parameters or go back to the defaults. 409 when choosing fitted
 * parameters that do not exist yet; 400 for any other body.
 */
async function put(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to change your settings.");
  const body = await readJsonBody(request, fitChoiceSchema, 256);
  if (!body.ok) return body.response;
  try {
    const result = await setUseFitted(user.id, body.data.useFitted);
    if (!result.ok) return refusalResponse(result);
    return Response.json({ status: result.status } satisfies FitResponseBody);
  } catch {
    return jsonError(503, "Your choice could not be saved just now: the database did not answer. Try again.");
  }
}

export const POST = withDatabase(post);
export const PUT = withDatabase(put);
