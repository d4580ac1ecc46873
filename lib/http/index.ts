import type { z } from "zod";
import { refuseCrossSite } from "./origin";

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
 * Read a request's JSON body, at most `maxBytes`, and validate it with `schema`. Every failure is a response whose
 * message says what was wrong: another site's request (403), another media type than `application/json` (415), too
 * large (413, refused from Content-Length or while counting the stream, never read whole), not UTF-8 or not JSON, a NUL
 * or a lone surrogate in any string, or the wrong shape (400). Every state-changing route reads its body here.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<BodyResult<z.infer<S>>> {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return { ok: false, response: crossSite };
  if (mediaType(request) !== "application/json") {
    return { ok: false, response: jsonError(415, "Send the request body as JSON (Content-Type: application/json).") };
  }
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return read;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.data);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid UTF-8 text.") };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
  if (!cleanText(json)) {
    return {
      ok: false,
      response: jsonError(400, "The request body contains a NUL character or broken Unicode (a lone surrogate)."),
    };
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

/** The media type of a request's Content-Type, lower case, without parameters (`text/plain; charset=…` → `text/plain`). */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** True when a string holds no NUL and no unpaired surrogate (which PostgreSQL and `encodeURIComponent` refuse). */
export function isCleanString(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** Every string and key in a parsed JSON value is clean (see isCleanString). */
function cleanText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return isCleanString(value);
  if (typeof value !== "object" || value === null) return true;
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.every((item) => cleanText(item, depth + 1));
  return Object.entries(value).every(([key, item]) => isCleanString(key) && cleanText(item, depth + 1));
}

/**
 * A body of at most `maxBytes`: refused from Content-Length before reading, and while counting the stream (a body
 * without a length, or one that lies about it). 413 with a message; the connection is closed after it, so the rest of
 * a large upload is not read.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; data: Uint8Array<ArrayBuffer> } | { ok: false; response: Response }> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !/^\d+$/.test(declared.trim())) {
    return { ok: false, response: jsonError(400, "The Content-Length header is not a number.") };
  }
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, response: tooLarge(maxBytes) };
  }
  if (!request.body) return { ok: true, data: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, response: tooLarge(maxBytes) };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, response: jsonError(400, "The request body could not be read.") };
  }
  return { ok: true, data: Buffer.concat(chunks) };
}

function tooLarge(maxBytes: number): Response {
  return Response.json(
    { error: `The request body is larger than ${formatBytes(maxBytes)}.` },
    { status: 413, headers: { Connection: "close" } },
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

export { safeRedirectUrl, safeReturnPath } from "./safe-redirect";
export { refuseCrossSite } from "./origin";
export { refusalResponse, statusFor } from "./refusal";
export { unlessBusy } from "./busy";
export { OUTAGE_RETRY_AFTER_SECONDS, databaseUnavailableResponse, withDatabase } from "./outage";
