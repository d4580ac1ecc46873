"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisWidth } from "./format";
import type { DayBarsProps } from "./day-bars";

/** The drawing of DayBars (recharts), loaded after the page's text: see day-bars.tsx. */
export function DayBarsDrawing({ data, label }: DayBarsProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data.map((d) => ({ ...d, short: d.day.slice(5) }))}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="short" stroke="var(--muted)" interval="preserveStartEnd" minTickGap={16} />
        <YAxis
          allowDecimals={false}
          stroke="var(--muted)"
          width={yAxisWidth(Math.max(0, ...data.map((d) => d.count)), "", true)}
        />
        <Tooltip
          formatter={(v) => [v, label]}
          labelFormatter={(l) => `Day ${l}`}
          contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
        />
        <Bar dataKey="count" name={label} fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
