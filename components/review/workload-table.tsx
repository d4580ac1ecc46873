"use client";

import { useEffect, useState } from "react";
import type { WorkloadRow, WorkloadTable as Workload } from "@/lib/progress/client";

export type WorkloadTableProps = {
  /** the retention on the slider now (saved or not): its nearest row is highlighted */
  retention: number;
  /** the retention the learner has saved (marked in the table) */
  savedRetention: number;
  /** how many times the settings were saved: each save works the table out again */
  saves: number;
  /** cards in the deck: adding some works the table out again */
  deckSize: number;
};

type Load = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; table: Workload };

/** The retention everything else is compared with: FSRS's default, and Anki's. */
const BASELINE = 0.9;

/** The row whose retention is nearest `retention` (the first of two equally near). */
function nearestRow(rows: readonly WorkloadRow[], retention: number): WorkloadRow | undefined {
  let best: WorkloadRow | undefined;
  for (const row of rows) {
    if (!best || Math.abs(row.desiredRetention - retention) < Math.abs(best.desiredRetention - retention) - 1e-9)
      best = row;
  }
  return best;
}

function formatRetention(value: number): string {
  return value.toFixed(2);
}

/** Whole numbers from 10 up; one decimal below, so 0.4 minutes does not read as 0. */
function formatAmount(value: number): string {
  return value >= 10 || value === 0 ? String(Math.round(value)) : value.toFixed(1);
}

/** "At 0.95 you would review about 57 cards a day …, 15 more than at 0.90." */
function tradeSentence(table: Workload, chosen: WorkloadRow): string {
  if (table.cardsInPlay + table.newCards === 0)
    return "Your deck is empty, so there is nothing to review yet: add cards and this table shows what each retention costs you.";
  const other =
    nearestRow(table.rows, Math.abs(chosen.desiredRetention - BASELINE) < 0.005 ? 0.95 : BASELINE) ?? chosen;
  const cards = Math.round(chosen.horizon.reviewsPerDay);
  const minutes = formatAmount(chosen.horizon.minutesPerDay);
  const lead = `At ${formatRetention(chosen.desiredRetention)} you would review about ${cards} card${cards === 1 ? "" : "s"} a day over the next six months (about ${minutes} minutes)`;
  if (other === chosen) return `${lead}.`;
  const difference = cards - Math.round(other.horizon.reviewsPerDay);
  const than = `than at ${formatRetention(other.desiredRetention)}`;
  if (difference === 0) return `${lead}, about as many as at ${formatRetention(other.desiredRetention)}.`;
  return `${lead}, ${Math.abs(difference)} ${difference > 0 ? "more" : "fewer"} ${than}.`;
}

/**
 * What each desired retention costs the learner: reviews and minutes a day (first 30 days / six-month average),
 * simulated on the server with their own deck. The row nearest the slider is highlighted, and a sentence puts the
 * choice against 0.90.
 */
export function WorkloadTable({ retention, savedRetention, saves, deckSize }: WorkloadTableProps) {
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch("/api/reviews/workload", { signal: controller.signal, cache: "no-store" });
        const body: unknown = await response.json().catch(() => null);
        if (!response.ok || typeof body !== "object" || body === null || !("rows" in body)) {
          const error = typeof body === "object" && body !== null && "error" in body ? body.error : undefined;
          setLoad({
            kind: "error",
            message: typeof error === "string" ? error : "Your review workload could not be worked out.",
          });
          return;
        }
        // The route handler builds this body as a WorkloadTable: the server is the other half of the contract (as in
        // components/net/send.ts), so it is not validated again here.
        setLoad({ kind: "ready", table: body as Workload });
      } catch {
        if (!controller.signal.aborted)
          setLoad({ kind: "error", message: "Your review workload could not be loaded. Check your connection." });
      }
    })();
    return () => controller.abort();
  }, [saves, deckSize, attempt]);

  if (load.kind === "loading")
    return (
      <p role="status" className="text-sm text-muted">
        Working out what each retention costs with your cards…
      </p>
    );
  if (load.kind === "error")
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p role="alert" className="text-danger">
          {load.message}
        </p>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setLoad({ kind: "loading" });
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );

  const { table } = load;
  const chosen = nearestRow(table.rows, retention);
  const saved = nearestRow(table.rows, savedRetention);
  return (
    <div className="space-y-2">
      {chosen ? (
        <p aria-live="polite" className="text-sm">
          {tradeSentence(table, chosen)}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full max-w-md text-sm tabular-nums">
          <caption className="pb-1 text-left text-sm text-muted">
            What each retention costs with your cards, a day: first 30 days / six-month average.{" "}
            {table.secondsSource === "yours"
              ? `Minutes use your median of ${table.secondsPerReview} s a review.`
              : `Minutes assume ${table.secondsPerReview} s a review until you have timed more of your own.`}
          </caption>
          <thead>
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-1 pr-3 font-medium">
                Retention
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Reviews a day
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Minutes a day
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const isChosen = row === chosen;
              return (
                <tr
                  key={row.desiredRetention}
                  aria-current={isChosen ? "true" : undefined}
                  className={`border-b border-border last:border-b-0 ${isChosen ? "bg-accent-soft font-semibold" : ""}`}
                >
                  <th scope="row" className="py-1 pr-3 pl-1 text-left font-[inherit]">
                    {formatRetention(row.desiredRetention)}
                    {isChosen ? <span className="text-xs"> (chosen)</span> : null}
                    {row === saved && !isChosen ? <span className="text-xs text-muted"> (saved)</span> : null}
                  </th>
                  <td className="py-1 pr-3 text-right">
                    {formatAmount(row.first30.reviewsPerDay)} / {formatAmount(row.horizon.reviewsPerDay)}
                  </td>
                  <td className="py-1 pr-1 text-right">
                    {formatAmount(row.first30.minutesPerDay)} / {formatAmount(row.horizon.minutesPerDay)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
