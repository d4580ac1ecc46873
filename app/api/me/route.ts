import { getCurrentUser } from "@/lib/auth";
import { withDatabase } from "@/lib/http";
import type { MeResponseBody } from "@/lib/progress";

export const dynamic = "force-dynamic";

/**
 * Who is signed in: `{ learner: { id, name, email } }`, or `{ learner: null }` for a visitor (200 either way). Pages are
 * the same for everyone (lessons are prerendered), so the header and the outbox learn the learner from here.
 */
async function get(): Promise<Response> {
  const user = await getCurrentUser();
  const body: MeResponseBody = { learner: user ? { id: user.id, name: user.name, email: user.email } : null };
  return Response.json(body, { headers: { "Cache-Control": "no-store, private" } });
}

export const GET = withDatabase(get);
