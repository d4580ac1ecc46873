import { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { MODULE_IDS } from "@/lib/content";
import { jsonError, readJsonBody } from "@/lib/http";
import { resetModuleProgress } from "@/lib/progress";

const resetSchema = z.strictObject({
  module: z.enum(MODULE_IDS, { message: `module must be one of ${MODULE_IDS.join(", ")}` }),
  confirm: z.literal(true, { message: "Confirm the reset with confirm: true." }),
});

/** Forget the learner's progress in one module (lessons, attempts, cards and their reviews); the rest stays. */
export async function POST(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to reset your progress.");
  const body = await readJsonBody(request, resetSchema, 1024);
  if (!body.ok) return body.response;
  return Response.json({ removed: await resetModuleProgress(user.id, body.data.module) });
}
