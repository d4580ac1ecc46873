"use client";

import dynamic from "next/dynamic";
import { ChartDataTable } from "@/components/charts/data-table";

// The drawing and its chart library load after the page's text; the figure keeps its height meanwhile, and its
// caption, its point (for screen readers) and its numbers (a table) are in the page from the start.
const LineChartDrawing = dynamic(() => import("./line-chart-drawing").then((m) => m.LineChartDrawing), { ssr: false });

export type LineChartProps = {
  alt: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  scale?: "log" | "linear";
  series: { name: string; points: [number, number][] }[];
};

/** A line chart of one or more series; the `alt` text states its point and a hidden table carries the numbers. */
export function LineChart({ alt, caption, xLabel, yLabel, scale = "linear", series }: LineChartProps) {
  return (
    <figure className="my-6">
      <p className="sr-only">{alt}</p>
      <div aria-hidden="true" className="h-72 w-full text-xs">
        <LineChartDrawing xLabel={xLabel} yLabel={yLabel} scale={scale} series={series} />
      </div>
      <figcaption className="mt-2 text-sm text-muted">{caption}</figcaption>
      <ChartDataTable
        caption={caption}
        columns={["Series", xLabel, yLabel]}
        rows={series.flatMap((s) => s.points.map(([x, y]) => ({ key: `${s.name}-${x}`, cells: [s.name, x, y] })))}
      />
    </figure>
  );
}
