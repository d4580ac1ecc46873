"use client";

import dynamic from "next/dynamic";
import { ChartDataTable } from "@/components/charts/data-table";
import { powersOfTen } from "@/components/charts/format";

// The drawing and its chart library load after the page's text; the figure keeps its height meanwhile, and its
// caption, its point (for screen readers) and its numbers (a table) are in the page from the start.
const BarChartDrawing = dynamic(() => import("./bar-chart-drawing").then((m) => m.BarChartDrawing), { ssr: false });

export type BarChartProps = {
  alt: string;
  caption: string;
  unit?: string;
  scale?: "log" | "linear";
  data: { label: string; value: number }[];
};

/**
 * A horizontal bar chart. The `alt` text states its point for screen readers, and the same numbers are available as a
 * table to them; the drawing itself is hidden from assistive technology.
 */
export function BarChart({ alt, caption, unit = "", scale = "linear", data }: BarChartProps) {
  const values = data.map((d) => d.value).filter((v) => v > 0);
  const log = scale === "log" && values.length > 0;
  const ticks = log ? powersOfTen(Math.min(...values), Math.max(...values)) : undefined;
  const domain: [number, number] | undefined = ticks ? [ticks[0] ?? 1, ticks[ticks.length - 1] ?? 10] : undefined;
  const height = Math.max(160, data.length * 32 + 60);
  return (
    <figure className="my-6">
      <p className="sr-only">{alt}</p>
      <div aria-hidden="true" style={{ height }} className="w-full text-xs">
        <BarChartDrawing unit={unit} log={log} ticks={ticks} domain={domain} data={data} />
      </div>
      <figcaption className="mt-2 text-sm text-muted">{caption}</figcaption>
      <ChartDataTable
        caption={caption}
        columns={["Item", `Value${unit ? ` (${unit})` : ""}`]}
        rows={data.map((d) => ({ key: d.label, cells: [d.label, d.value] }))}
      />
    </figure>
  );
}
