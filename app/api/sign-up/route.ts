import { registerUser, signUpSchema } from "@/lib/auth";
import { jsonError, readJsonBody } from "@/lib/http";

/** Create a password account. 201 with the user; 400 with a message per field; 409 when the email is taken. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, signUpSchema, 8 * 1024);
  if (!body.ok) return body.response;
  const result = await registerUser(body.data);
  if (!result.ok) {
    return jsonError(409, "An account with this email already exists.", {
      email: "An account with this email already exists. Sign in instead.",
    });
  }
  return Response.json(
    { user: { id: result.user.id, email: result.user.email, name: result.user.name } },
    { status: 201 },
  );
}
