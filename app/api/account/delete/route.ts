import { getCurrentUser } from "@/lib/auth";
import { jsonError, readJsonBody, withDatabase } from "@/lib/http";
import { deleteAccountSchema, deleteUser, type DeleteAccountResponseBody } from "@/lib/progress";

/** Delete the signed-in account and every row of it. The body repeats the account's email as confirmation. */
async function post(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to delete your account.");
  const body = await readJsonBody(request, deleteAccountSchema, 1024);
  if (!body.ok) return body.response;
  if (body.data.confirmEmail.trim().toLowerCase() !== user.email) {
    return jsonError(400, "Type your account's email exactly to confirm.", {
      confirmEmail: "This is not your account's email.",
    });
  }
  await deleteUser(user.id);
  return Response.json({ deleted: true } satisfies DeleteAccountResponseBody);
}

export const POST = withDatabase(post);
