import { getCurrentUser } from "@/lib/auth";
import { getDrill } from "@/lib/content";
import { jsonError, readJsonBody } from "@/lib/http";
import { randomSeed, serveVariant, variantRequestSchema, type VariantResponseBody } from "@/lib/progress";

/** A fresh seeded variant of a drill: its prompt and the token that lets the browser submit answers for it. */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to practise.");
  const body = await readJsonBody(request, variantRequestSchema, 1024);
  if (!body.ok) return body.response;
  if (!getDrill(body.data.drillId)) return jsonError(400, `There is no drill "${body.data.drillId}".`);
  const variant = serveVariant(body.data.drillId, randomSeed());
  if (!variant) return jsonError(400, `There is no drill "${body.data.drillId}".`);
  return Response.json(variant satisfies VariantResponseBody, { headers: { "Cache-Control": "no-store" } });
}
