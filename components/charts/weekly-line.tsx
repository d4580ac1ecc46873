"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisWidth } from "./format";

export type WeeklyLineProps = {
  data: { week: string; value: number }[];
  name: string;
  unit: string;
  domain?: [number, number];
  summary: string;
};

/** One value per week as a line (accuracy in %, speed in seconds). `summary` states the point for screen readers. */
export function WeeklyLine({ data, name, unit, domain, summary }: WeeklyLineProps) {
  const width = domain ? yAxisWidth(domain[1], unit) : yAxisWidth(Math.max(0, ...data.map((d) => d.value)), unit, true);
  return (
    <figure>
      <p className="sr-only">{summary}</p>
      <div aria-hidden="true" className="h-56 w-full text-xs">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data.map((d) => ({ ...d, short: d.week.slice(5) }))}
            margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--border)" />
            <XAxis dataKey="short" stroke="var(--muted)" />
            <YAxis
              domain={domain ?? [0, "auto"]}
              allowDecimals={false}
              stroke="var(--muted)"
              width={width}
              unit={unit}
            />
            <Tooltip
              formatter={(v) => [`${v}${unit}`, name]}
              labelFormatter={(l) => `Week of ${l}`}
              contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
            />
            <Line dataKey="value" name={name} stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
