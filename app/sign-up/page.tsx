import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { PASSWORD_MIN_LENGTH, getCurrentUser } from "@/lib/auth";
import { safeReturnPath } from "@/lib/http";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="text-muted">Your progress, reviews and attempts are kept with your account, on every device.</p>
      <SignUpForm returnTo={returnTo} passwordMinLength={PASSWORD_MIN_LENGTH} />
      <p className="text-sm text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-accent underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
