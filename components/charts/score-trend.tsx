"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { yAxisWidth } from "./format";

export type ScoreTrendProps = { points: { run: number; score: number; seconds: number }[] };

/** Score (%) and time (s) over a drill's last runs, oldest to newest. The table beside it carries the same numbers. */
export function ScoreTrend({ points }: ScoreTrendProps) {
  const maxSeconds = Math.max(0, ...points.map((p) => p.seconds));
  return (
    <figure>
      <div aria-hidden="true" className="h-48 w-full text-xs">
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
      </div>
      <figcaption className="text-sm text-muted">Score and time per run, oldest on the left.</figcaption>
    </figure>
  );
}
