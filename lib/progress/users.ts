import "server-only";
import { randomUUID } from "node:crypto";
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

/**
 * Start a session for `userId` at `now`, ending at `expiresAt`; returns its id (carried in the session cookie). The
 * user's sessions that have already ended are removed on the way, so the table holds only live ones.
 */
export async function createSession(userId: string, now: Date, expiresAt: Date): Promise<string> {
  const id = randomUUID();
  await db().$transaction([
    db().session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db().session.create({ data: { userId, id, createdAt: now, expiresAt } }),
  ]);
  return id;
}

/**
 * The user of a live session: null when the session was ended (signed out), its account deleted, or it is past its
 * end at `now`. One statement on the session's primary key, joined to its user.
 */
export async function findSessionUser(userId: string, sessionId: string, now: Date): Promise<UserRecord | null> {
  if (!UUID.test(userId)) return null;
  const rows = await db().$queryRaw<UserRecord[]>`
    SELECT u."id", u."email", u."name", u."createdAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."userId" = ${userId}::uuid AND s."id" = ${sessionId} AND s."expiresAt" > ${now}`;
  return rows[0] ?? null;
}

/** End one session (sign-out). Ending a session that is already gone does nothing. */
export async function deleteSession(userId: string, sessionId: string): Promise<void> {
  if (!UUID.test(userId)) return;
  await db().session.deleteMany({ where: { userId, id: sessionId } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
