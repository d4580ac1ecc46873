import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const since = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(user.createdAt);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <dl className="card grid gap-3 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-muted">Name</dt>
        <dd>{user.name ?? "Not set"}</dd>
        <dt className="font-medium text-muted">Email</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium text-muted">Member since</dt>
        <dd>{since}</dd>
      </dl>
    </div>
  );
}
