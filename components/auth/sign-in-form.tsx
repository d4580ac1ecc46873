"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { refreshLearner } from "@/components/layout/learner";
import { useState, type FormEvent } from "react";
import { FormField } from "./form-field";
import { describeSignInResult } from "./sign-in-error";

export type SignInFormProps = { returnTo: string; initialError: string | null; github: boolean };

export function SignInForm({ returnTo, initialError, github }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(result ? describeSignInResult(result.error) : "Sign-in failed. Please try again.");
        return;
      }
      // The header and the outbox learn who signed in before the next page shows.
      await refreshLearner();
      router.push(returnTo);
      router.refresh();
    } catch {
      setError("Envelope could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="card space-y-4" noValidate>
        <FormField id="email" label="Email" type="email" autoComplete="email" required />
        <FormField id="password" label="Password" type="password" autoComplete="current-password" required />
        <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-danger">
          {error}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {github && (
        <button
          type="button"
          className="btn-secondary w-full"
          onClick={() => void signIn("github", { callbackUrl: returnTo })}
        >
          Sign in with GitHub
        </button>
      )}
    </div>
  );
}
