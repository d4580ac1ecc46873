"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisWidth } from "./format";
import type { WeeklyLineProps } from "./weekly-line";

/** The drawing of WeeklyLine (recharts), loaded after the page's text: see weekly-line.tsx. */
export function WeeklyLineDrawing({ data, name, unit, domain }: WeeklyLineProps) {
  const width = domain ? yAxisWidth(domain[1], unit) : yAxisWidth(Math.max(0, ...data.map((d) => d.value)), unit, true);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        data={data.map((d) => ({ ...d, short: d.week.slice(5) }))}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="var(--border)" />
        <XAxis dataKey="short" stroke="var(--muted)" />
        <YAxis domain={domain ?? [0, "auto"]} allowDecimals={false} stroke="var(--muted)" width={width} unit={unit} />
        <Tooltip
          formatter={(v) => [`${v}${unit}`, name]}
          labelFormatter={(l) => `Week of ${l}`}
          contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
        />
        <Line dataKey="value" name={name} stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
