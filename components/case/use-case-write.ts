"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { outbox } from "@/components/net/outbox";
import type { CaseWrite, CaseWriteResponseBody, Json } from "@/lib/progress/client";

/** A case write's body without its client id (the hook adds one per write). */
export type CaseWriteBody = CaseWrite extends infer T ? (T extends CaseWrite ? Omit<T, "clientId"> : never) : never;

/** What the header calls each case write when the server refuses it for good during a replay. */
const CASE_WRITE_LABELS: Record<CaseWriteBody["kind"], string> = {
  start: "starting a case",
  reveal: "revealing a case stage",
  next: "moving to the next case stage",
  pause: "pausing a case",
  resume: "resuming a case",
  notes: "case notes",
  mark: "a checklist mark",
  choice: "a case choice",
};

/**
 * Send one write of a case (with a fresh client id) through the learner's outbox and, when it is stored, refresh the
 * page so the server renders what the new state reveals. Offline, the write waits on this device (`queued`) and the
 * call still succeeds. `error` says why the last write failed.
 */
export function useCaseWrite() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const write = useCallback(
    async (body: CaseWriteBody, options: { refresh?: boolean; keepalive?: boolean } = {}): Promise<boolean> => {
      setBusy(true);
      const result = await outbox.write<Json<CaseWriteResponseBody>>({
        method: "POST",
        url: "/api/cases",
        body: { clientId: crypto.randomUUID(), ...body },
        label: CASE_WRITE_LABELS[body.kind],
        keepalive: options.keepalive ?? false,
      });
      setBusy(false);
      setQueued(result.kind === "queued");
      if (result.kind === "ok" || result.kind === "queued") {
        setError(null);
        // A queued write changes nothing on the server yet, so there is nothing new to render.
        if (result.kind === "ok" && (options.refresh ?? true)) router.refresh();
        return true;
      }
      setError(
        result.kind === "refused"
          ? result.error
          : "Envelope could not be reached. Check your connection and try again.",
      );
      return false;
    },
    [router],
  );
  return { write, busy, error, queued };
}
