import type { StepGrade, Verdict } from "@/lib/engine/client";

const labels = {
  exact: { text: "Exact", icon: "✓", className: "bg-success-soft text-success" },
  close: { text: "Close enough", icon: "✓", className: "bg-success-soft text-success" },
  "order-of-magnitude": { text: "Right order of magnitude", icon: "~", className: "bg-warning-soft text-warning" },
  off: { text: "Off", icon: "✗", className: "bg-danger-soft text-danger" },
  unreadable: { text: "Could not read it", icon: "?", className: "bg-danger-soft text-danger" },
  "wrong-dimension": { text: "Wrong kind of unit", icon: "✗", className: "bg-danger-soft text-danger" },
} satisfies Record<Verdict, { text: string; icon: string; className: string }>;

export type StepVerdictProps = {
  grade: StepGrade;
  /** Whether the learner has asked for the worked solution; until then the reference is not shown. */
  revealed?: boolean;
};

/**
 * A step's verdict in words (never colour alone), the engine's message and the reference answer. Before the reveal
 * only what does not give the answer away is shown: the verdict, how the answer was read, and a message that does
 * not quote the reference.
 */
export function StepVerdict({ grade, revealed = true }: StepVerdictProps) {
  const label = labels[grade.verdict];
  const message = revealed || !grade.message.includes(grade.expected) ? grade.message : "";
  return (
    <div className="space-y-1 text-sm" data-verdict={grade.verdict}>
      <p>
        <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 font-semibold ${label.className}`}>
          <span aria-hidden="true">{label.icon}</span>
          {label.text}
        </span>{" "}
        <span className="text-muted">{Math.round(grade.score * 100)}%</span>
        {grade.followThrough && <span className="ml-2 text-muted">(credit carried from your earlier answer)</span>}
        {grade.implausible && <span className="ml-2 font-medium text-warning">but the number is implausible</span>}
      </p>
      {message && <p>{message}</p>}
      {revealed && <p className="text-muted">Reference: {grade.expected}</p>}
    </div>
  );
}
