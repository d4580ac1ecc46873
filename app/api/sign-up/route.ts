import { setTimeout as sleep } from "node:timers/promises";
import { clientAddress, registerUser, reserveSignUpSlot, signUpSchema } from "@/lib/auth";
import { env } from "@/lib/env";
import { readJsonBody, withDatabase } from "@/lib/http";

/**
 * Every valid sign-up answers after at least this long. Hashing the password costs the same either way, but storing a
 * new account (a durable commit) takes longer than finding the email taken; the floor hides that difference.
 */
const SIGN_UP_FLOOR_MS = 500;

/**
 * Create a password account. 400 with a message per field. A new email and one that already has an account get the
 * same answer (201, the same body) after the same time, so sign-up does not tell anyone which emails are registered;
 * the form then signs in, which succeeds only with the account's own password. Each client address may sign up a few
 * times an hour (ENVELOPE_SIGN_UPS_PER_HOUR, default 5); past that, 429 with a Retry-After and a message, before any
 * password is hashed.
 */
async function post(request: Request): Promise<Response> {
  const body = await readJsonBody(request, signUpSchema, 8 * 1024);
  if (!body.ok) return body.response;
  const address = clientAddress(request.headers.get("x-forwarded-for"), env().ENVELOPE_TRUSTED_PROXIES);
  const slot = await reserveSignUpSlot(address, new Date());
  if (!slot.ok) {
    const retryAfter = String(Math.ceil(slot.retryAfterMs / 1000));
    return Response.json({ error: slot.message }, { status: 429, headers: { "Retry-After": retryAfter } });
  }
  const started = performance.now();
  await registerUser(body.data); // an email that is taken changes nothing
  const left = SIGN_UP_FLOOR_MS - (performance.now() - started);
  if (left > 0) await sleep(left);
  return Response.json({ message: "Sign in with this email and password to continue." }, { status: 201 });
}

export const POST = withDatabase(post);
