import type { z } from "zod";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** A JSON error response: `{ error: message, issues? }`. Never a stack trace. */
export function jsonError(status: number, error: string, issues?: Record<string, string>): Response {
  return Response.json(issues ? { error, issues } : { error }, { status });
}

/** `{ field: first message }` from a zod error, for forms that show a message next to each field. */
export function fieldIssues(error: z.ZodError): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    issues[key] ??= issue.message;
  }
  return issues;
}

/**
 * Read a request's JSON body, at most `maxBytes`, and validate it with `schema`. Every failure (wrong content type,
 * too large, not JSON, wrong shape) becomes a 400 response whose message says what was wrong.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<BodyResult<z.infer<S>>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    return { ok: false, response: jsonError(400, "Send the request body as JSON (Content-Type: application/json).") };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  let text = "";
  try {
    text = await readLimited(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, response: tooLarge(maxBytes) };
    return { ok: false, response: jsonError(400, "The request body could not be read.") };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      response: jsonError(400, "The request body is not what this endpoint expects.", fieldIssues(parsed.error)),
    };
  }
  return { ok: true, data: parsed.data };
}

class BodyTooLargeError extends Error {}

function tooLarge(maxBytes: number): Response {
  return jsonError(400, `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export { safeRedirectUrl, safeReturnPath } from "./safe-redirect";
export { refusalResponse, statusFor } from "./refusal";
export { unlessBusy } from "./busy";
