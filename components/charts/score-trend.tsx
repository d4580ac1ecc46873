"use client";

import dynamic from "next/dynamic";

// The drawing and its chart library load after the page's text; the figure keeps its height meanwhile.
const ScoreTrendDrawing = dynamic(() => import("./score-trend-drawing").then((m) => m.ScoreTrendDrawing), {
  ssr: false,
});

export type ScoreTrendProps = { points: { run: number; score: number; seconds: number }[] };

/** Score (%) and time (s) over a drill's last runs, oldest to newest. The table beside it carries the same numbers. */
export function ScoreTrend(props: ScoreTrendProps) {
  return (
    <figure>
      <div aria-hidden="true" className="h-48 w-full text-xs">
        <ScoreTrendDrawing {...props} />
      </div>
      <figcaption className="text-sm text-muted">Score and time per run, oldest on the left.</figcaption>
    </figure>
  );
}
