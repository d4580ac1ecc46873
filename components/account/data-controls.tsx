"use client";

import { signOut } from "next-auth/react";
import { AlertDialog } from "radix-ui";
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
          <AlertDialog.Root>
            <AlertDialog.Trigger className="btn-secondary">Reset…</AlertDialog.Trigger>
            <AlertDialog.Portal>
              <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
              <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-border bg-surface p-6 shadow-xl">
                <AlertDialog.Title className="text-lg font-semibold">Reset {moduleTitle}?</AlertDialog.Title>
                <AlertDialog.Description className="text-muted">
                  Your completed lessons, answers, cards and review history in this module will be deleted. Other modules stay as they are. This cannot be undone.
                </AlertDialog.Description>
                <div className="flex justify-end gap-3">
                  <AlertDialog.Cancel className="btn-secondary">Cancel</AlertDialog.Cancel>
                  <AlertDialog.Action className="btn-primary" onClick={() => void reset()}>
                    Reset module
                  </AlertDialog.Action>
                </div>
              </AlertDialog.Content>
            </AlertDialog.Portal>
          </AlertDialog.Root>
        </div>
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Delete account</h3>
        <p className="text-sm text-muted">Deletes your account and everything stored with it.</p>
        <AlertDialog.Root>
          <AlertDialog.Trigger className="btn-secondary text-danger">Delete account…</AlertDialog.Trigger>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
            <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-border bg-surface p-6 shadow-xl">
              <AlertDialog.Title className="text-lg font-semibold">Delete your account?</AlertDialog.Title>
              <AlertDialog.Description className="text-muted">
                Everything will be deleted: progress, answers, cards and reviews. Type <strong>{email}</strong> to confirm.
              </AlertDialog.Description>
              <label htmlFor="confirm-email" className="sr-only">
                Your email
              </label>
              <input id="confirm-email" className="field-input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
              <div className="flex justify-end gap-3">
                <AlertDialog.Cancel className="btn-secondary">Cancel</AlertDialog.Cancel>
                <AlertDialog.Action className="btn-primary" disabled={typed.trim().toLowerCase() !== email} onClick={() => void remove()}>
                  Delete for good
                </AlertDialog.Action>
              </div>
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
