/**
 * What became of a write:
 * - `ok`: the server stored or answered it (2xx), with its body;
 * - `refused`: the server said no for good (4xx), with its message and any per-field messages;
 * - `unreachable`: no answer, or a server error (5xx): worth sending again later, with the same client id.
 */
export type SendResult<T> =
  | { kind: "ok"; status: number; data: T }
  | { kind: "refused"; status: number; error: string; issues: Record<string, string> }
  | { kind: "unreachable"; status: number | null };

/** The refusal's message and per-field messages (lib/progress/client's ErrorResponseBody), read defensively. */
function readError(body: unknown, status: number): { error: string; issues: Record<string, string> } {
  const fallback = `The server refused the request (HTTP ${status}).`;
  if (typeof body !== "object" || body === null) return { error: fallback, issues: {} };
  const error = "error" in body ? body.error : undefined;
  const issues = "issues" in body ? body.issues : undefined;
  const fields: Record<string, string> = {};
  if (typeof issues === "object" && issues !== null) {
    for (const [key, value] of Object.entries(issues)) if (typeof value === "string") fields[key] = value;
  }
  return { error: typeof error === "string" ? error : fallback, issues: fields };
}

/**
 * Every write from the browser goes through here: JSON in, JSON out, and a result that says whether to show the
 * answer, show the refusal, or keep the write for later. `T` is the endpoint's response type from
 * lib/progress/client.ts, the same type its route handler `satisfies`: the server is the other half of this
 * contract, so the body is not validated again here (that would ship a validator on every page).
 */
export async function sendJson<T>(
  method: "POST" | "PUT",
  url: string,
  body: unknown,
  options: { keepalive?: boolean } = {},
): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      keepalive: options.keepalive ?? false,
    });
  } catch {
    return { kind: "unreachable", status: null };
  }
  if (response.status >= 500) return { kind: "unreachable", status: response.status };
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) return { kind: "refused", status: response.status, ...readError(json, response.status) };
  return { kind: "ok", status: response.status, data: json as T };
}
