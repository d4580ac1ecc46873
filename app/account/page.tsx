import type { Metadata } from "next";
import { DataControls } from "@/components/account/data-controls";
import { requireUser } from "@/lib/auth";
import { MODULES, MODULE_IDS } from "@/lib/content";

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
      <section aria-labelledby="data" className="card space-y-4">
        <h2 id="data" className="text-xl font-semibold">
          Your data
        </h2>
        <DataControls email={user.email} modules={MODULE_IDS.map((id) => ({ id, title: MODULES[id].title }))} />
      </section>
    </div>
  );
}
