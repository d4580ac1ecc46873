import { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { MODULE_IDS } from "@/lib/content";
import { jsonError, readJsonBody } from "@/lib/http";
import { addModuleCards } from "@/lib/progress";

const deckSchema = z.strictObject({ module: z.enum(MODULE_IDS, { message: `module must be one of ${MODULE_IDS.join(", ")}` }) });

/** Add every flashcard of a module to the learner's deck. Cards already there keep their schedule. */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to build your deck.");
  const body = await readJsonBody(request, deckSchema, 1024);
  if (!body.ok) return body.response;
  return Response.json({ added: await addModuleCards(user.id, body.data.module, new Date()) });
}
