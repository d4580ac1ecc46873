"use client";

import dynamic from "next/dynamic";

// The drawing and its chart library load after the page's text; the figure keeps its height meanwhile.
const DayBarsDrawing = dynamic(() => import("./day-bars-drawing").then((m) => m.DayBarsDrawing), { ssr: false });

export type DayBarsProps = { data: { day: string; count: number }[]; label: string; summary: string };

/** Counts per day as vertical bars (the due forecast). `summary` states the point for screen readers. */
export function DayBars(props: DayBarsProps) {
  const { summary } = props;
  return (
    <figure>
      <p className="sr-only">{summary}</p>
      <div aria-hidden="true" className="h-56 w-full text-xs">
        <DayBarsDrawing {...props} />
      </div>
    </figure>
  );
}
