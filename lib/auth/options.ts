import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "@/lib/http";
import { createSession, deleteSession, findSessionUser, upsertGithubUser, type UserRecord } from "@/lib/progress";
import { checkCredentials, describeSignInFailure, type SignInResult } from "./sign-in";
import { clientAddress } from "./throttle";
import { signInSchema } from "./validation";

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        const forwarded: unknown = req.headers?.["x-forwarded-for"];
        const address = clientAddress(typeof forwarded === "string" ? forwarded : null, env().ENVELOPE_TRUSTED_PROXIES);
        let result: SignInResult;
        try {
          result = await checkCredentials(input.data.email, input.data.password, address, new Date());
        } catch (error) {
          // next-auth puts a thrown message in the sign-in page's URL: a fixed code goes there, the reason to the log.
          logLine("error", "SIGN_IN_UNAVAILABLE", error);
          throw new Error("SignInUnavailable");
        }
        if (result.ok) return result.user;
        if (result.reason === "locked") throw new Error(describeSignInFailure(result));
        return null; // shown as "Email or password is wrong."
      },
    }),
  ];
  const { GITHUB_ID, GITHUB_SECRET } = env();
  if (GITHUB_ID && GITHUB_SECRET) list.push(GithubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));
  return list;
}

/** True when next-auth's logged metadata is (or wraps) an error with this message. */
function describes(metadata: unknown, message: string): boolean {
  const error = metadata && typeof metadata === "object" && "error" in metadata ? metadata.error : metadata;
  return error instanceof Error && error.message === message;
}

/** One short line per event: the code and the first line of the reason, never a stack trace or a token. */
function logLine(level: "error" | "warn", code: string, detail?: unknown): void {
  const error = detail && typeof detail === "object" && "error" in detail ? detail.error : detail;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : "";
  const line = `[auth] ${code}${reason ? ` (${reason.split("\n")[0]?.slice(0, 200)})` : ""}`;
  if (level === "error") console.error(line);
  else console.warn(line);
}

/** How long a session lasts from sign-in: the cookie's lifetime and its server-side record's. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Thrown by the jwt callback for a cookie whose session has ended: next-auth then clears the cookie. */
const SESSION_ENDED = "SessionEnded";

/**
 * What the jwt callback found for a token, handed to the session callback (they get the same token object in one
 * request) and from there to getCurrentUser (which gets the object the session callback returned).
 */
const liveUsers = new WeakMap<object, UserRecord | { unavailable: unknown }>();

/** The user behind a session object that getServerSession returned, or the database error met checking it. */
export function sessionUser(session: object): UserRecord | { unavailable: unknown } | undefined {
  return liveUsers.get(session);
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth v4 options: credentials (argon2id) and, when configured, GitHub; sessions in a signed cookie (a JWT) that
 * names a server-side session record. Every read of the session (getServerSession, /api/auth/session) looks that
 * record up with its user in one indexed statement: after sign-out (which deletes it) or account deletion (which
 * cascades to it) the cookie signs no one in, and next-auth clears it.
 */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    logger: {
      // A tampered or expired session cookie is a visitor without a session, not a server fault: one short line.
      error: (code, metadata) => {
        if (code === "JWT_SESSION_ERROR" && describes(metadata, SESSION_ENDED)) return; // signed out: nothing to report
        logLine(code === "JWT_SESSION_ERROR" ? "warn" : "error", code, metadata);
      },
      warn: (code) => logLine("warn", code),
      debug: () => {},
    },
    callbacks: {
      // Only same-origin paths: `/%09/evil.example`, `//evil.example`, `/\\evil.example` and other sites go home.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ account, user }) {
        if (account?.provider === "github") return Boolean(user.email);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          // A sign-in: find or make the account, then start a session record that the cookie names.
          let uid = user.id;
          if (account?.provider === "github" && user.email) {
            const record = await upsertGithubUser({
              githubId: account.providerAccountId,
              email: user.email,
              name: user.name ?? undefined,
            });
            uid = record.id;
          }
          const now = new Date();
          token.uid = uid;
          token.sid = await createSession(uid, now, new Date(now.getTime() + SESSION_MAX_AGE_S * 1000));
          return token;
        }
        const { uid, sid } = token;
        if (typeof uid !== "string" || typeof sid !== "string") throw new Error(SESSION_ENDED);
        let found: UserRecord | null;
        try {
          found = await findSessionUser(uid, sid, new Date());
        } catch (error) {
          // The database cannot say: keep the cookie (an outage must not sign everyone out); getCurrentUser rethrows.
          liveUsers.set(token, { unavailable: error });
          return token;
        }
        if (!found) throw new Error(SESSION_ENDED);
        liveUsers.set(token, found);
        return token;
      },
      async session({ session, token }) {
        const found = liveUsers.get(token);
        const result =
          found && "id" in found
            ? { ...session, user: { ...session.user, id: found.id, email: found.email, name: found.name } }
            : {
                ...session,
                user: session.user && typeof token.uid === "string" ? { ...session.user, id: token.uid } : undefined,
              };
        if (found) liveUsers.set(result, found);
        return result;
      },
    },
    events: {
      // Sign-out ends the session record, so a copy of the cookie kept from before no longer signs anyone in.
      async signOut({ token }) {
        const { uid, sid } = token;
        if (typeof uid === "string" && typeof sid === "string") await deleteSession(uid, sid);
      },
    },
  };
  return cached;
}

/** True when GitHub sign-in is configured (the sign-in page shows its button only then). */
export function githubSignInEnabled(): boolean {
  const { GITHUB_ID, GITHUB_SECRET } = env();
  return Boolean(GITHUB_ID && GITHUB_SECRET);
}
