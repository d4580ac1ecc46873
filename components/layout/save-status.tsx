"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { outbox, type OutboxStatus } from "@/components/net/outbox";
import { saveAnnouncement, saveLabel, saveState, type SaveState } from "@/components/net/outbox-status";

const serverStatus: OutboxStatus = {
  learnerId: null,
  waiting: 0,
  sending: false,
  blocked: null,
  retryAt: null,
  dropped: null,
};

const tone: Record<SaveState, string> = {
  saved: "text-muted",
  saving: "text-muted",
  offline: "text-warning",
  "signed-out": "text-warning",
};

/**
 * The header's honest word on the learner's writes: "Saved", "Saving…", or how many wait on this device and why. The
 * visible text follows every change; a separate polite live region speaks only the transitions that matter (see
 * `saveAnnouncement`) and, once, a write the server refused for good during a replay.
 */
export function SaveStatus() {
  const status = useSyncExternalStore(outbox.subscribe, outbox.getStatus, () => serverStatus);
  const state = saveState(status);
  const before = useRef<SaveState>("saved");
  const [announcement, setAnnouncement] = useState("");
  const [dropped, setDropped] = useState<OutboxStatus["dropped"]>(null);
  const told = useRef(0);

  useEffect(() => {
    const said = saveAnnouncement(before.current, state, status.waiting);
    before.current = state;
    if (said) setAnnouncement(said);
  }, [state, status.waiting]);

  useEffect(() => {
    const latest = status.dropped;
    if (!latest || latest.serial <= told.current) return;
    told.current = latest.serial;
    setDropped(latest);
    setAnnouncement(`Not saved: ${latest.label}. ${latest.error}`);
  }, [status.dropped]);

  return (
    <>
      <span className={`whitespace-nowrap text-sm ${tone[state]}`} data-save-state={state}>
        {saveLabel(state, status.waiting)}
      </span>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {dropped && (
        <p className="flex basis-full flex-wrap items-center gap-2 text-sm text-danger">
          <span>
            Not saved: {dropped.label}. {dropped.error}
          </span>
          <button type="button" className="underline underline-offset-2" onClick={() => setDropped(null)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
