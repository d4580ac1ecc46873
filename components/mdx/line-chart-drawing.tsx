"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { compactNumber } from "@/components/charts/format";
import type { LineChartProps } from "./line-chart";

// Distinct in hue and in dash pattern, so series never depend on colour alone.
const strokes = [
  { color: "var(--accent)", dash: undefined },
  { color: "var(--success)", dash: "6 4" },
  { color: "var(--danger)", dash: "2 4" },
  { color: "var(--warning)", dash: "10 4 2 4" },
];

/** The drawing of a line chart (recharts), loaded after the page's text: see line-chart.tsx. */
export function LineChartDrawing({
  xLabel,
  yLabel,
  scale = "linear",
  series,
}: Omit<LineChartProps, "alt" | "caption">) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <RechartsLineChart margin={{ left: 8, right: 24, top: 8, bottom: 24 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" />
        <XAxis
          type="number"
          dataKey="x"
          domain={["dataMin", "dataMax"]}
          stroke="var(--muted)"
          label={{ value: xLabel, position: "insideBottom", offset: -12, fill: "var(--muted)" }}
        />
        <YAxis
          type="number"
          scale={scale === "log" ? "log" : "auto"}
          domain={scale === "log" ? ["auto", "auto"] : [0, "auto"]}
          tickFormatter={(v: number) => compactNumber(v)}
          stroke="var(--muted)"
          width={56}
          label={{ value: yLabel, angle: -90, position: "insideLeft", fill: "var(--muted)" }}
        />
        <Tooltip
          formatter={(v) => Number(v).toLocaleString("en")}
          labelFormatter={(x) => `${xLabel} ${x}`}
          contentStyle={{ background: "var(--surface)", borderColor: "var(--border)", color: "var(--foreground)" }}
        />
        <Legend verticalAlign="top" height={28} />
        {series.map((s, i) => {
          const stroke = strokes[i % strokes.length] ?? strokes[0];
          return (
            <Line
              key={s.name}
              name={s.name}
              data={s.points.map(([x, y]) => ({ x, y }))}
              dataKey="y"
              stroke={stroke?.color}
              strokeDasharray={stroke?.dash}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          );
        })}
      </RechartsLineChart>
    </ResponsiveContainer>
  );
}
