"use client";

import { signOutAndReload } from "@/components/auth/sign-out";
import { sendJson } from "@/components/net/send";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { DeleteAccountResponseBody, ResetResponseBody } from "@/lib/progress/client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type DataControlsProps = { email: string; modules: { id: string; title: string }[] };

type ModuleResetProps = { module: { id: string; title: string }; onDone: (message: string) => void };

/**
 * One module's reset: a red button that opens its confirmation right under it, naming the module. Cancel is focused
 * first (the safe choice), Escape cancels, and focus goes back to the button.
 */
function ModuleReset({ module, onDone }: ModuleResetProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const id = useId();

  useEffect(() => {
    if (open) cancel.current?.focus();
    else if (wasOpen.current) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function reset() {
    setBusy(true);
    const result = await sendJson<ResetResponseBody>("POST", "/api/progress/reset", {
      module: module.id,
      confirm: true,
    });
    setBusy(false);
    setOpen(false);
    onDone(result.kind === "ok" ? `${module.title} was reset.` : `${module.title} was not reset. Try again.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <li className="space-y-3 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="font-medium">{module.title}</span>
        <button
          ref={trigger}
          type="button"
          className="btn-danger-outline"
          aria-expanded={open}
          aria-controls={open ? `${id}-confirm` : undefined}
          onClick={() => setOpen(true)}
        >
          Reset {module.title}…
        </button>
      </div>
      {open && (
        <div
          id={`${id}-confirm`}
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          onKeyDown={onKeyDown}
          className="space-y-3 rounded-md border border-danger bg-danger-soft p-4"
        >
          <p id={`${id}-title`} className="font-semibold">
            Reset {module.title}?
          </p>
          <p id={`${id}-body`} className="text-sm">
            This deletes your completed lessons, answers, cards and review history in {module.title}. Other modules stay
            as they are. This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className="btn-danger" disabled={busy} onClick={() => void reset()}>
              {busy ? "Resetting…" : `Reset ${module.title}`}
            </button>
            <button ref={cancel} type="button" className="btn-secondary" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** Export, reset one module, delete the account: each destructive step asks for confirmation first. */
export function DataControls({ email, modules }: DataControlsProps) {
  const [message, setMessage] = useState("");
  const [typed, setTyped] = useState("");

  async function remove() {
    const result = await sendJson<DeleteAccountResponseBody>("POST", "/api/account/delete", { confirmEmail: typed });
    if (result.kind === "ok") await signOutAndReload("/");
    else setMessage("Your account was not deleted: type its email exactly.");
  }

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
        <ul className="divide-y divide-border">
          {modules.map((m) => (
            <ModuleReset key={m.id} module={m} onDone={setMessage} />
          ))}
        </ul>
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">Delete account</h3>
        <p className="text-sm text-muted">Deletes your account and everything stored with it.</p>
        <ConfirmDialog
          trigger="Delete account…"
          triggerClassName="btn-danger-outline"
          title="Delete your account?"
          description={
            <>
              Everything will be deleted: progress, answers, cards and reviews. Type <strong>{email}</strong> to
              confirm.
            </>
          }
          confirm="Delete for good"
          confirmDisabled={typed.trim().toLowerCase() !== email}
          onConfirm={() => void remove()}
        >
          <label htmlFor="confirm-email" className="sr-only">
            Your email
          </label>
          <input
            id="confirm-email"
            className="field-input"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
        </ConfirmDialog>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
