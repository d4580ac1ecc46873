"use client";

import type { QuestionStatus } from "./use-question-answer";

/** The verdict in words, why, and whether it was saved; an error says what went wrong. */
export function QuestionVerdict({
  status,
  rightText,
  wrongText,
}: {
  status: QuestionStatus;
  rightText: string;
  wrongText: string;
}) {
  if (status.kind === "error") return <p className="font-medium text-danger">{status.message}</p>;
  if (status.kind !== "answered") return null;
  const { verdict, saved } = status;
  return (
    <div className="space-y-1" data-correct={verdict.correct}>
      <p className={`font-semibold ${verdict.correct ? "text-success" : "text-danger"}`}>
        <span aria-hidden="true">{verdict.correct ? "✓ " : "✗ "}</span>
        {verdict.correct ? rightText : wrongText}
        {saved === "earlier" && <span className="ml-1 font-normal text-muted">(your last answer)</span>}
      </p>
      <p>{verdict.why}</p>
      {saved === "not-signed-in" && (
        <p className="text-sm text-muted">
          Graded, not saved: sign in to keep your answers and review the ones you miss.
        </p>
      )}
    </div>
  );
}
