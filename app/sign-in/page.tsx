import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { describeSignInError } from "@/components/auth/sign-in-error";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser, githubSignInEnabled } from "@/lib/auth";
import { DEMO_ACCOUNT } from "@/lib/demo";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/http";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const error = describeSignInError(typeof params.error === "string" ? params.error : undefined);
  const demo =
    env().ENVELOPE_DEMO_ACCOUNT === "1" ? { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password } : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {demo && (
        <aside aria-label="Demo account" className="rounded-md border border-border bg-accent-soft p-4 text-sm">
          <p className="font-semibold">Trying Envelope locally?</p>
          <p className="mt-1">
            Sign in with the demo account: <code className="font-mono">{demo.email}</code> and password{" "}
            <code className="font-mono">{demo.password}</code>.
          </p>
        </aside>
      )}
      <SignInForm returnTo={returnTo} initialError={error} github={githubSignInEnabled()} />
      <p className="text-sm text-muted">
        New here?{" "}
        <Link
          href={`/sign-up${returnTo === "/" ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`}`}
          className="text-accent underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
