"use client";

import { useEffect, useState } from "react";
import { useCaseWrite } from "./use-case-write";

export type CaseClockProps = {
  caseId: string;
  /** time already spent in the current step and in the whole case, as the server counted it when the page loaded */
  stepMs: number;
  totalMs: number;
  budgetMs: number;
  totalBudgetMs: number;
  running: boolean;
};

function minutes(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Interview mode's clock: this stage's time against its budget (a bar, and a warning past it) and the whole case
 * against 45 minutes. Leaving the page pauses it on the server; coming back resumes it where it was.
 */
export function CaseClock({ caseId, stepMs, totalMs, budgetMs, totalBudgetMs, running }: CaseClockProps) {
  const [loadedAt] = useState(() => Date.now());
  const [now, setNow] = useState(loadedAt);
  const { write } = useCaseWrite();

  useEffect(() => {
    if (!running) void write({ kind: "resume", caseId }, { refresh: false });
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const pause = () => void write({ kind: "pause", caseId }, { refresh: false, keepalive: true });
    window.addEventListener("pagehide", pause);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", pause);
    };
  }, [caseId, running, write]);

  const passed = now - loadedAt;
  const step = stepMs + passed;
  const total = totalMs + passed;
  const over = step > budgetMs;
  return (
    <div className="card space-y-2" aria-label="Interview clock">
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <span>
          This stage: <span className="tabular-nums font-semibold">{minutes(step)}</span> of {minutes(budgetMs)}
        </span>
        <span>
          Interview: <span className="tabular-nums">{minutes(total)}</span> of {minutes(totalBudgetMs)}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-border" aria-hidden="true">
        <div
          className={`h-full ${over ? "bg-danger" : "bg-accent"}`}
          style={{ width: `${Math.min(100, (step / budgetMs) * 100)}%` }}
        />
      </div>
      {over && (
        <p role="status" className="text-sm font-medium text-danger">
          Over this stage&apos;s budget: wrap it up and move on, as you would in the room.
        </p>
      )}
    </div>
  );
}
