import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody } from "@/lib/http";
import { settingsUpdateSchema, updateSettings, type SettingsResponseBody } from "@/lib/progress";

/** Change review settings: desired retention (0.80 to 0.97), time zone, and the hour a day starts. */
export async function PUT(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to change your settings.");
  const body = await readJsonBody(request, settingsUpdateSchema, 1024);
  if (!body.ok) return body.response;
  return Response.json({ settings: await updateSettings(user.id, body.data) } satisfies SettingsResponseBody);
}
