import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, withDatabase } from "@/lib/http";
import { settingsUpdateSchema, updateSettings, type SettingsResponseBody } from "@/lib/progress";

/**
 * Change settings: desired retention (0.80 to 0.97), time zone, the hour a day starts, new cards a day, and the plan's
 * interview date and minutes a day. An interview date already past is refused with 400 and a message.
 */
async function put(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to change your settings.");
  const body = await readJsonBody(request, settingsUpdateSchema, 1024);
  if (!body.ok) return body.response;
  const result = await updateSettings(user.id, body.data);
  if (!result.ok) return jsonError(400, result.message, { [result.field]: result.message });
  return Response.json({ settings: result.settings } satisfies SettingsResponseBody);
}

export const PUT = withDatabase(put);
