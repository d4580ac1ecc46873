"use client";

import { useCaseWrite, type CaseWriteBody } from "./use-case-write";

export type CaseControlsProps = { caseId: string; revealed: boolean; nextLabel: string };

/** Reveal the stage's reference once the learner has tried it; then move on to the next stage. */
export function CaseControls({ caseId, revealed, nextLabel }: CaseControlsProps) {
  const { write, busy, error } = useCaseWrite();
  const body: CaseWriteBody = revealed ? { kind: "next", caseId } : { kind: "reveal", caseId };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn-primary" disabled={busy} onClick={() => void write(body)}>
        {revealed ? nextLabel : "Reveal the reference"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
