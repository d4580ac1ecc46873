import { getDrill } from "@/lib/content";
import { jsonError, readJsonBody, withDatabase } from "@/lib/http";
import { randomSeed, serveVariant, variantRequestSchema, type VariantResponseBody } from "@/lib/progress";

/**
 * A fresh seeded variant of a drill: its prompt and the token that lets the browser submit answers for it, stepped
 * or played open. Visitors without an account may practise too: a variant holds nothing of anyone's.
 */
async function post(request: Request): Promise<Response> {
  const body = await readJsonBody(request, variantRequestSchema, 1024);
  if (!body.ok) return body.response;
  if (!getDrill(body.data.drillId)) return jsonError(400, `There is no drill "${body.data.drillId}".`);
  const variant = serveVariant(body.data.drillId, randomSeed(), { open: body.data.open ?? false });
  if (!variant) return jsonError(400, `There is no drill "${body.data.drillId}".`);
  return Response.json(variant satisfies VariantResponseBody, { headers: { "Cache-Control": "no-store" } });
}

export const POST = withDatabase(post);
