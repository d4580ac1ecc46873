import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "@/lib/http";
import { upsertGithubUser } from "@/lib/progress";
import { checkCredentials, describeSignInFailure, type SignInResult } from "./sign-in";
import { signInSchema } from "./validation";

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        let result: SignInResult;
        try {
          result = await checkCredentials(input.data.email, input.data.password, new Date());
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

/** One short line per event: the code and the first line of the reason, never a stack trace or a token. */
function logLine(level: "error" | "warn", code: string, detail?: unknown): void {
  const error = detail && typeof detail === "object" && "error" in detail ? detail.error : detail;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : "";
  const line = `[auth] ${code}${reason ? ` (${reason.split("\n")[0]?.slice(0, 200)})` : ""}`;
  if (level === "error") console.error(line);
  else console.warn(line);
}

let cached: NextAuthOptions | undefined;

/** next-auth v4 options: credentials (argon2id) and, when configured, GitHub; JWT sessions in a signed cookie. */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    logger: {
      // A tampered or expired session cookie is a visitor without a session, not a server fault: one short line.
      error: (code, metadata) => logLine(code === "JWT_SESSION_ERROR" ? "warn" : "error", code, metadata),
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
        if (account?.provider === "github" && user?.email) {
          const record = await upsertGithubUser({
            githubId: account.providerAccountId,
            email: user.email,
            name: user.name ?? undefined,
          });
          token.uid = record.id;
        } else if (user) {
          token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        return session;
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
