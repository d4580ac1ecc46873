"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { refreshLearner } from "@/components/layout/learner";
import { useState, type FormEvent } from "react";
import { sendJson } from "@/components/net/send";
import { FormField } from "./form-field";

export type SignUpFormProps = { returnTo: string; passwordMinLength: number };

type Issues = Partial<Record<"name" | "email" | "password" | "form", string>>;

export function SignUpForm({ returnTo, passwordMinLength }: SignUpFormProps) {
  const router = useRouter();
  const [issues, setIssues] = useState<Issues>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setIssues({});
    try {
      const sent = await sendJson<unknown>("POST", "/api/sign-up", body);
      if (sent.kind !== "ok") {
        setIssues(
          sent.kind === "refused"
            ? readIssues(sent.error, sent.issues)
            : { form: "Envelope could not be reached. Check your connection and try again." },
        );
        return;
      }
      const result = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!result || result.error) {
        // Sign-up answers the same for a taken email (so it cannot be used to find accounts): only the sign-in tells.
        setIssues({
          form: "Envelope could not sign you in with this email and password. If you already have an account, sign in instead.",
        });
        return;
      }
      // The header and the outbox learn who signed in before the next page shows.
      await refreshLearner();
      router.push(returnTo);
      router.refresh();
    } catch {
      setIssues({ form: "Envelope could not be reached. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="card space-y-4" noValidate>
      <FormField id="name" label="Name (optional)" autoComplete="name" error={issues.name} />
      <FormField id="email" label="Email" type="email" autoComplete="email" required error={issues.email} />
      <FormField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${passwordMinLength} characters.`}
        error={issues.password}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-danger">
        {issues.form}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}

function readIssues(error: string, issues: Record<string, string>): Issues {
  const result: Issues = {};
  for (const key of ["name", "email", "password"] as const) {
    if (issues[key]) result[key] = issues[key];
  }
  if (Object.keys(result).length === 0) result.form = error || "Something went wrong. Please try again.";
  return result;
}
