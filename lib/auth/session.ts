import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getUser, type UserRecord } from "@/lib/progress";
import { authOptions, sessionUser } from "./options";

/**
 * The signed-in user, or null: also when the session was ended by signing out or its account was deleted (the
 * session's record is looked up with its user in one indexed statement, in the jwt callback). Once per request. When
 * the database cannot be reached, its error is thrown rather than treating the learner as signed out.
 */
export const getCurrentUser = cache(async (): Promise<UserRecord | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!session || !id) return null;
  const found = sessionUser(session);
  if (found && "unavailable" in found) throw found.unavailable;
  return found ?? getUser(id);
});

/** The signed-in user; a signed-out visitor is sent to sign in and brought back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
