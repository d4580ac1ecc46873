"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { compactNumber } from "@/components/charts/format";

export type BarChartDrawingProps = {
  unit: string;
  log: boolean;
  ticks: number[] | undefined;
  domain: [number, number] | undefined;
  data: { label: string; value: number }[];
};

/** The drawing of a bar chart (recharts), loaded after the page's text: see bar-chart.tsx. */
export function BarChartDrawing({ unit, log, ticks, domain, data }: BarChartDrawingProps) {
  return (
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
  );
}
