import type { Refusal, RefusalReason } from "@/lib/progress";

const statuses = { invalid: 400, "not-found": 404, conflict: 409 } as const satisfies Record<RefusalReason, number>;

/** The HTTP status for why `lib/progress` refused a request: invalid → 400, not-found → 404, conflict → 409. */
export function statusFor(reason: RefusalReason): 400 | 404 | 409 {
  return statuses[reason];
}

/** A refusal as a JSON error response, `{ error: message }`, with its status. */
export function refusalResponse(refusal: Refusal): Response {
  return Response.json({ error: refusal.message }, { status: statusFor(refusal.reason) });
}
