import { randomUUID } from "node:crypto";
import { createUser, type UserRecord } from "@/lib/progress";

/** A fresh email no other test uses. */
export function uniqueEmail(label = "learner"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Create a user with no password (fast: no argon2), for data-layer tests. */
export async function makeUser(label?: string): Promise<UserRecord> {
  const result = await createUser({ email: uniqueEmail(label) });
  if (!result.ok) throw new Error("could not create a test user");
  return result.user;
}
