"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/net/send";
import type { SpreadResponseBody } from "@/lib/progress/client";

export type SpreadBacklogProps = {
  /** reviews due now (new flashcards not counted) */
  reviewsDue: number;
  /** the reviews a day the learner's plan makes room for: the first choice offered */
  suggestedPerDay: number;
};

/**
 * After a break: offer to keep only so many reviews today, the most overdue relative to their interval, and move the
 * rest to the next days at the same pace. Offered only when more are due than a day takes.
 */
export function SpreadBacklog({ reviewsDue, suggestedPerDay }: SpreadBacklogProps) {
  const router = useRouter();
  const id = useId();
  const choices = [...new Set([suggestedPerDay, 20, 30, 50, 100])].filter((n) => n < reviewsDue).sort((a, b) => a - b);
  const [perDay, setPerDay] = useState(choices.includes(suggestedPerDay) ? suggestedPerDay : (choices[0] ?? 20));
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  // After a spread the page refreshes and the offer goes; what was done stays said.
  const offer = reviewsDue > suggestedPerDay && choices.length > 0;
  if (!offer)
    return status ? (
      <p role="status" className={status.error ? "card text-sm text-danger" : "card text-sm"}>
        {status.text}
      </p>
    ) : null;

  async function spread() {
    setSending(true);
    const result = await sendJson<SpreadResponseBody>("POST", "/api/reviews/spread", { perDay });
    setSending(false);
    if (result.kind === "ok") {
      const { keptToday, moved, days } = result.data;
      setStatus({
        text:
          moved === 0
            ? "Nothing to move: today already holds no more than that."
            : `${keptToday} stay for today; ${moved} moved to the next ${days === 1 ? "day" : `${days} days`}.`,
        error: false,
      });
      router.refresh();
    } else {
      setStatus({
        text: result.kind === "refused" ? result.error : "The server did not answer. Try again in a moment.",
        error: true,
      });
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {reviewsDue} reviews are waiting
      </h2>
      <p className="text-sm text-muted">
        After a break, spread them out: the most overdue for their interval stay for today, the rest come back over the
        next days at the same pace. Missed estimation steps always stay.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-per-day`} className="block text-sm font-medium">
            Reviews a day
          </label>
          <select
            id={`${id}-per-day`}
            className="field-input w-32"
            value={perDay}
            onChange={(e) => setPerDay(Number(e.target.value))}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn-secondary" onClick={() => void spread()} disabled={sending}>
          {sending ? "Spreading…" : "Spread my reviews"}
        </button>
      </div>
      <p role="status" className={status?.error ? "text-sm text-danger" : "text-sm"}>
        {status?.text}
      </p>
    </section>
  );
}
