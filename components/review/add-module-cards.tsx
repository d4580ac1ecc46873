"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { outbox } from "@/components/net/outbox";
import type { DeckResponseBody } from "@/lib/progress/client";

export type AddModuleCardsProps = {
  module: string;
  title: string;
  /** the learner's daily limit of new cards, to say how the added cards will come */
  newCardsPerDay: number;
};

/** "Add all cards of this module" to the review deck. */
export function AddModuleCards({ module, title, newCardsPerDay }: AddModuleCardsProps) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    try {
      const result = await outbox.write<DeckResponseBody>({
        method: "POST",
        url: "/api/deck",
        body: { module },
        label: "adding a module's cards",
        key: `deck:${module}`,
      });
      if (result.kind === "ok") {
        setMessage(
          result.data.added === 0
            ? "All its cards are already in your deck."
            : `Added ${result.data.added} cards. New cards come ${newCardsPerDay} a day, in course order.`,
        );
        router.refresh();
      } else if (result.kind === "queued") {
        setMessage("Kept on this device; the cards will be added when Envelope can be reached.");
      } else {
        setMessage(result.kind === "refused" ? result.error : "The cards could not be added. Check your connection.");
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn-secondary" onClick={add} disabled={busy}>
        Add all cards of {title}
      </button>
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
