import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";

/** What the app may know about a user: never the password hash. */
export const userSelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export type CreateUserResult = { ok: true; user: UserRecord } | { ok: false; reason: "email-taken" };

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Create a user. A second account with the same email is refused, also when two sign-ups race
 * (the unique index decides, and the loser gets `email-taken`).
 */
export async function createUser(input: {
  email: string;
  name?: string | undefined;
  passwordHash?: string | undefined;
  githubId?: string | undefined;
}): Promise<CreateUserResult> {
  try {
    const user = await db().user.create({
      data: {
        email: normaliseEmail(input.email),
        name: input.name ?? null,
        passwordHash: input.passwordHash ?? null,
        githubId: input.githubId ?? null,
      },
      select: userSelect,
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email-taken" };
    }
    throw error;
  }
}

export async function getUser(userId: string): Promise<UserRecord | null> {
  return db().user.findUnique({ where: { id: userId }, select: userSelect });
}

/** The only query that reads a password hash, asked for by name: for checking a sign-in. */
export async function getUserCredentials(
  email: string,
): Promise<{ id: string; email: string; name: string | null; passwordHash: string | null } | null> {
  return db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}

/** Find or create the user behind a GitHub sign-in (matched by GitHub id, then by verified email). */
export async function upsertGithubUser(input: {
  githubId: string;
  email: string;
  name?: string | undefined;
}): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  const byGithub = await db().user.findUnique({ where: { githubId: input.githubId }, select: userSelect });
  if (byGithub) return byGithub;
  return db().user.upsert({
    where: { email },
    update: { githubId: input.githubId },
    create: { email, name: input.name ?? null, githubId: input.githubId },
    select: userSelect,
  });
}

/** Delete a user and, by cascade, every row of theirs. */
export async function deleteUser(userId: string): Promise<void> {
  await db().user.deleteMany({ where: { id: userId } });
}

/** Record a failed password sign-in for `email` at `now`. */
export async function recordFailedSignIn(email: string, now: Date): Promise<void> {
  await db().failedSignIn.create({ data: { email: normaliseEmail(email), at: now } });
}

/** Failed sign-ins for `email` since `since`, oldest first (only their times). */
export async function listFailedSignIns(email: string, since: Date): Promise<Date[]> {
  const rows = await db().failedSignIn.findMany({
    where: { email: normaliseEmail(email), at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  return rows.map((row) => row.at);
}

/** Forget failed sign-ins for `email` (after a success), and any older than `before` for everyone. */
export async function clearFailedSignIns(email: string, before: Date): Promise<void> {
  await db().failedSignIn.deleteMany({
    where: { OR: [{ email: normaliseEmail(email) }, { at: { lt: before } }] },
  });
}
