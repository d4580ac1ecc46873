"use client";

import dynamic from "next/dynamic";
import { useId, useRef, useState, type ComponentType } from "react";
import { Estimate, type EstimateProps } from "@/components/exercise/estimate";
import { PLAYGROUND_KINDS, startingValues, type PlaygroundKind } from "@/lib/widgets/kinds";

/** What every widget receives: the prediction's givens as numbers, in the units the exercise writes them. */
export type WidgetProps = { start: Record<string, number> };

function loading() {
  return <p className="text-sm text-muted">Loading the widget…</p>;
}

// Each widget is its own chunk, fetched only when the learner runs it: a lesson's first load carries none of them.
const WIDGETS: Record<PlaygroundKind, ComponentType<WidgetProps>> = {
  "cache-tiers": dynamic(() => import("./cache-tiers-widget"), { ssr: false, loading }),
  "hash-ring": dynamic(() => import("./hash-ring-widget"), { ssr: false, loading }),
  quorum: dynamic(() => import("./quorum-widget"), { ssr: false, loading }),
  "rate-limiter": dynamic(() => import("./rate-limiter-widget"), { ssr: false, loading }),
  queue: dynamic(() => import("./queue-widget"), { ssr: false, loading }),
  "slo-budget": dynamic(() => import("./slo-budget-widget"), { ssr: false, loading }),
};

export type PlaygroundProps = {
  kind: PlaygroundKind;
  estimate: Pick<EstimateProps, "prompt" | "token" | "previous">;
};

/**
 * Predict, then run: the learner answers the prediction (graded by the server like any estimate; a miss becomes a
 * review card), and only then can run the widget, which starts from the prediction's own numbers.
 */
export function Playground({ kind, estimate }: PlaygroundProps) {
  const id = useId();
  const [predicted, setPredicted] = useState(() => estimate.previous != null);
  const [running, setRunning] = useState(false);
  const widgetRef = useRef<HTMLDivElement>(null);
  const Widget = WIDGETS[kind];
  const { title } = PLAYGROUND_KINDS[kind];

  function run() {
    setRunning(true);
    // Move focus to the widget once it is on the page, so a keyboard user lands on its controls.
    requestAnimationFrame(() => widgetRef.current?.focus());
  }

  return (
    <section aria-labelledby={`${id}-title`} className="my-8 rounded-lg border-2 border-dashed border-border p-4">
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        Playground: {title}
      </h3>
      <p className="mt-1 text-sm text-muted">Predict the number first. Then run the widget and change it yourself.</p>
      <Estimate {...estimate} source="lesson" onGraded={() => setPredicted(true)} headingLevel={3} />
      {!running ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-primary" disabled={!predicted} onClick={run}>
            Run it
          </button>
          {!predicted && <span className="text-sm text-muted">Check your prediction to run it.</span>}
        </div>
      ) : (
        <div ref={widgetRef} tabIndex={-1} className="outline-none" aria-label={`${title}: the widget`} role="group">
          <Widget start={startingValues(estimate.prompt.givens)} />
        </div>
      )}
    </section>
  );
}
