import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { env } from "@/lib/env";
import { upsertGithubUser } from "@/lib/progress";
import { checkCredentials, describeSignInFailure } from "./sign-in";
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
        const result = await checkCredentials(input.data.email, input.data.password, new Date());
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

let cached: NextAuthOptions | undefined;

/** next-auth v4 options: credentials (argon2id) and, when configured, GitHub; JWT sessions in a signed cookie. */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
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
