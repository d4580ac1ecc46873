"use client";

import dynamic from "next/dynamic";

// The drawing and its chart library load after the page's text; the figure keeps its height meanwhile.
const WeeklyLineDrawing = dynamic(() => import("./weekly-line-drawing").then((m) => m.WeeklyLineDrawing), {
  ssr: false,
});

export type WeeklyLineProps = {
  data: { week: string; value: number }[];
  name: string;
  unit: string;
  domain?: [number, number];
  summary: string;
};

/** One value per week as a line (accuracy in %, speed in seconds). `summary` states the point for screen readers. */
export function WeeklyLine(props: WeeklyLineProps) {
  const { summary } = props;
  return (
    <figure>
      <p className="sr-only">{summary}</p>
      <div aria-hidden="true" className="h-56 w-full text-xs">
        <WeeklyLineDrawing {...props} />
      </div>
    </figure>
  );
}
