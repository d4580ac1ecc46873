"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export type AddModuleCardsProps = { module: string; title: string };

/** "Add all cards of this module" to the review deck. */
export function AddModuleCards({ module, title }: AddModuleCardsProps) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    try {
      const response = await fetch("/api/deck", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ module }) });
      const body: unknown = await response.json().catch(() => null);
      const added = typeof body === "object" && body !== null && "added" in body && typeof body.added === "number" ? body.added : null;
      setMessage(response.ok && added !== null ? (added === 0 ? "All its cards are already in your deck." : `Added ${added} cards.`) : "The cards could not be added. Try again.");
      if (response.ok) router.refresh();
    } catch {
      setMessage("The cards could not be added. Check your connection.");
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
