"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { ReferenceSheetView } from "./reference-sheet";
import type { ReferenceSheetData } from "./sheet-types";

type Load =
  { status: "idle" } | { status: "loading" } | { status: "ready"; sheet: ReferenceSheetData } | { status: "error" };

/** The response has the sheet's shape (the route sends it; a proxy's error page would not). */
function isSheet(value: unknown): value is ReferenceSheetData {
  if (typeof value !== "object" || value === null || !("tables" in value) || !("checked" in value)) return false;
  return Array.isArray(value.tables) && typeof value.checked === "string";
}

export type ReferencePanelProps = {
  /** Classes for the "Reference" button, to match where it is placed. */
  triggerClassName?: string;
};

/**
 * A "Reference" button that opens the reference sheet beside whatever the learner is doing: a non-modal dialog on the
 * right (a full-width sheet on phones) that leaves the page usable, closes with Escape or its close button, and gives
 * focus back to the button. The sheet is fetched from GET /api/reference the first time it is opened.
 */
export function ReferencePanel({ triggerClassName = "btn-secondary" }: ReferencePanelProps) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: "idle" });

  function fetchSheet() {
    setLoad({ status: "loading" });
    fetch("/api/reference")
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data: unknown) => setLoad(isSheet(data) ? { status: "ready", sheet: data } : { status: "error" }))
      .catch(() => setLoad({ status: "error" }));
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next && (load.status === "idle" || load.status === "error")) fetchSheet();
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <Dialog.Trigger className={triggerClassName}>Reference</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Content
          // Working on the exercise beside the panel must not close it: only Escape and the close button do.
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed inset-y-0 right-0 z-40 flex w-full flex-col border-l border-border bg-background text-foreground shadow-xl sm:w-[36rem] sm:max-w-[calc(100vw-2rem)] print:hidden"
        >
          <div className="flex items-start justify-between gap-3 border-b border-border bg-surface px-4 py-3">
            <div className="min-w-0">
              <Dialog.Title className="text-lg font-semibold">Reference sheet</Dialog.Title>
              <Dialog.Description className="text-sm text-muted">
                Latency, sizes, bandwidth, the nines and cloud prices. Escape closes it.
              </Dialog.Description>
            </div>
            <Dialog.Close className="btn-secondary shrink-0" aria-label="Close the reference sheet">
              Close
            </Dialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
            {load.status === "ready" ? (
              <ReferenceSheetView sheet={load.sheet} headingLevel={3} />
            ) : load.status === "error" ? (
              <div className="space-y-3" role="alert">
                <p>The reference sheet could not be loaded. Check your connection and try again.</p>
                <button type="button" className="btn-secondary" onClick={fetchSheet}>
                  Try again
                </button>
              </div>
            ) : (
              <p role="status" className="text-muted">
                Loading the reference sheet…
              </p>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
