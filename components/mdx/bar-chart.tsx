"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/charts/data-table";
import { compactNumber, powersOfTen } from "@/components/charts/format";

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
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="var(--border)" />
            <XAxis
              type="number"
              scale={log ? "log" : "auto"}
              domain={domain ?? [0, "auto"]}
              ticks={ticks}
              allowDataOverflow={log}
              tickFormatter={(v: number) => compactNumber(v)}
              stroke="var(--muted)"
              unit={unit ? ` ${unit}` : undefined}
            />
            <YAxis type="category" dataKey="label" width={150} stroke="var(--muted)" interval={0} />
            <Tooltip
              formatter={(v) => [`${Number(v).toLocaleString("en")} ${unit}`.trim(), ""]}
              contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
            />
            <Bar dataKey="value" fill="var(--accent)" isAnimationActive={false} />
          </RechartsBarChart>
        </ResponsiveContainer>
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
