import type { ChainAlignment, ChainStatus } from "@/lib/engine/client";

export type ChainFeedbackProps = { chain: ChainAlignment };

const MARK: Record<ChainStatus, { symbol: string; words: string; className: string }> = {
  agrees: { symbol: "✓", words: "Agrees", className: "text-success" },
  differs: { symbol: "≠", words: "Left the reference", className: "text-danger" },
  missing: { symbol: "·", words: "No line", className: "text-muted" },
};

/**
 * Where the learner's scratchpad agreed with the hidden steps of an open estimate and where it left them, after a
 * check: each stated assumption first (named, not marked wrong), then each step of the reference chain.
 */
export function ChainFeedback({ chain }: ChainFeedbackProps) {
  return (
    <section aria-label="Your chain against the reference" className="mt-5 rounded-md border border-border p-4">
      <p className="font-semibold">Your chain against the reference</p>
      {!chain.related && (
        <p className="mt-2 text-sm">
          None of your lines lines up with the reference&apos;s steps. Compare your road with the worked solution: a
          different decomposition can be fine, but name each number&apos;s unit as you go.
        </p>
      )}
      {chain.assumptions.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {chain.assumptions.map((assumption) => (
            <li key={assumption.line}>
              <span className="font-medium">Assumption, line {assumption.line}:</span> {assumption.given} ={" "}
              {assumption.stated} (the reference takes {assumption.reference}). The rest of your chain is judged from
              your number.
            </li>
          ))}
        </ul>
      )}
      <ol className="mt-3 space-y-2 text-sm">
        {chain.steps.map((step) => {
          const mark = MARK[step.status];
          return (
            <li key={step.id} className="flex gap-2">
              <span aria-hidden="true" className={`w-4 shrink-0 font-bold ${mark.className}`}>
                {mark.symbol}
              </span>
              <span>
                <span className="sr-only">{mark.words}: </span>
                {step.note}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
