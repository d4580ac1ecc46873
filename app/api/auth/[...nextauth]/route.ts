import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { readBodyBytes, refuseCrossSite, withDatabase } from "@/lib/http";

type Context = { params: Promise<{ nextauth: string[] }> };

/** A sign-in, sign-out or CSRF form is a few hundred bytes; anything past this is refused before next-auth reads it. */
const MAX_AUTH_BODY_BYTES = 8 * 1024;

async function get(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

/** next-auth's POSTs (sign in, sign out), refused from another site (403) or when larger than 8 KB (413). */
async function post(request: NextRequest, context: Context): Promise<Response> {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return body.response;
  const bounded = new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.data });
  return NextAuth(authOptions())(bounded, context);
}

/** Both answer 503 with a message while the database cannot be reached (sign-in and sessions read it). */
export const GET = withDatabase(get);
export const POST = withDatabase(post);
