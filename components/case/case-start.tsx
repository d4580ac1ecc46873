"use client";

import { useState } from "react";
import { useCaseWrite } from "./use-case-write";

export type CaseStartProps = { caseId: string; restart: boolean };

/** Start (or start again) a case, in practice mode (no clock) or interview mode (45 minutes, a budget per stage). */
export function CaseStart({ caseId, restart }: CaseStartProps) {
  const [mode, setMode] = useState<"practice" | "interview">("practice");
  const { write, busy, error } = useCaseWrite();
  return (
    <form
      className="card space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void write({ kind: "start", caseId, mode, restart });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="font-medium">How do you want to work it?</legend>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="mode"
            checked={mode === "practice"}
            onChange={() => setMode("practice")}
            className="mt-1"
          />
          <span>
            <span className="font-medium">Practice</span>{" "}
            <span className="text-muted">· no clock; reveal each stage when you are ready</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name="mode"
            checked={mode === "interview"}
            onChange={() => setMode("interview")}
            className="mt-1"
          />
          <span>
            <span className="font-medium">Interview</span>{" "}
            <span className="text-muted">· 45 minutes, with a budget for each stage</span>
          </span>
        </label>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={busy}>
        {restart ? "Start again" : "Start the case"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
