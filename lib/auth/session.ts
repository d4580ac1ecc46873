import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getUser, type UserRecord } from "@/lib/progress";
import { authOptions } from "./options";

/** The signed-in user, or null (also when their account was deleted since the session began). Once per request. */
export const getCurrentUser = cache(async (): Promise<UserRecord | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return getUser(id);
});

/** The signed-in user; a signed-out visitor is sent to sign in and brought back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
