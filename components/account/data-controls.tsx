"use client";

import { signOut } from "next-auth/react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useState } from "react";

export type DataControlsProps = { email: string; modules: { id: string; title: string }[] };

/** Export, reset one module, delete the account: each destructive step asks for confirmation in a dialog. */
export function DataControls({ email, modules }: DataControlsProps) {
  const [module, setModule] = useState(modules[0]?.id ?? "");
  const [message, setMessage] = useState("");
  const [typed, setTyped] = useState("");

  async function reset() {
    const response = await fetch("/api/progress/reset", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ module, confirm: true }),
    }).catch(() => null);
    setMessage(response?.ok ? "That module's progress was reset." : "The reset failed. Try again.");
  }

  async function remove() {
    const response = await fetch("/api/account/delete", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ confirmEmail: typed }),
    }).catch(() => null);
    if (response?.ok) await signOut({ callbackUrl: "/" });
    else setMessage("Your account was not deleted: type its email exactly.");
  }

  const moduleTitle = modules.find((m) => m.id === module)?.title ?? module;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h3 className="font-semibold">Export</h3>
        <div className="flex flex-wrap gap-3">
          <a href="/api/export" download className="btn-secondary">
            Everything (JSON)
          </a>
          <a href="/api/export/reviews.csv" download className="btn-secondary">
            Review log (CSV)
          </a>
        </div>
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Reset one module</h3>
        <p className="text-sm text-muted">Forgets the lessons, attempts and cards of that module only.</p>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="reset-module" className="sr-only">
            Module to reset
          </label>
          <select id="reset-module" className="field-input max-w-xs" value={module} onChange={(e) => setModule(e.target.value)}>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
          <ConfirmDialog
            trigger="Reset…"
            title={`Reset ${moduleTitle}?`}
            description="Your completed lessons, answers, cards and review history in this module will be deleted. Other modules stay as they are. This cannot be undone."
            confirm="Reset module"
            onConfirm={() => void reset()}
          />
        </div>
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Delete account</h3>
        <p className="text-sm text-muted">Deletes your account and everything stored with it.</p>
        <ConfirmDialog
          trigger="Delete account…"
          triggerClassName="btn-secondary text-danger"
          title="Delete your account?"
          description={
            <>
              Everything will be deleted: progress, answers, cards and reviews. Type <strong>{email}</strong> to confirm.
            </>
          }
          confirm="Delete for good"
          confirmDisabled={typed.trim().toLowerCase() !== email}
          onConfirm={() => void remove()}
        >
          <label htmlFor="confirm-email" className="sr-only">
            Your email
          </label>
          <input id="confirm-email" className="field-input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </ConfirmDialog>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
