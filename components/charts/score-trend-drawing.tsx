"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisWidth } from "./format";
import type { ScoreTrendProps } from "./score-trend";

/** The drawing of ScoreTrend (recharts), loaded after the page's text: see score-trend.tsx. */
export function ScoreTrendDrawing({ points }: ScoreTrendProps) {
  const maxSeconds = Math.max(0, ...points.map((p) => p.seconds));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ left: 0, right: 8, top: 8, bottom: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" />
        <XAxis dataKey="run" stroke="var(--muted)" />
        <YAxis
          yAxisId="score"
          domain={[0, 100]}
          allowDecimals={false}
          stroke="var(--muted)"
          width={yAxisWidth(100, "%")}
          unit="%"
        />
        <YAxis
          yAxisId="seconds"
          orientation="right"
          allowDecimals={false}
          stroke="var(--muted)"
          width={yAxisWidth(maxSeconds, "s", true)}
          unit="s"
        />
        <Tooltip
          contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
        />
        <Legend />
        <Line
          yAxisId="score"
          dataKey="score"
          name="Score (%)"
          stroke="var(--accent)"
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          yAxisId="seconds"
          dataKey="seconds"
          name="Time (s)"
          stroke="var(--muted)"
          strokeDasharray="5 4"
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
