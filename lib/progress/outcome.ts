/**
 * Why `lib/progress` refused a request, as a domain reason rather than an HTTP status: `invalid` (the request cannot
 * be served as sent), `not-found` (no such row for this learner), `conflict` (it clashes with what is stored). Route
 * handlers map the reason to a status (`lib/http`).
 */
export type Refusal = { ok: false; reason: "invalid" | "not-found" | "conflict"; message: string };

export type RefusalReason = Refusal["reason"];

export function refuse(reason: RefusalReason, message: string): Refusal {
  return { ok: false, reason, message };
}
