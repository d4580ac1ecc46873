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
import { ChartDataTable } from "@/components/charts/data-table";
import { compactNumber } from "@/components/charts/format";

export type LineChartProps = {
  alt: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  scale?: "log" | "linear";
  series: { name: string; points: [number, number][] }[];
};

// Distinct in hue and in dash pattern, so series never depend on colour alone.
const strokes = [
  { color: "var(--accent)", dash: undefined },
  { color: "var(--success)", dash: "6 4" },
  { color: "var(--danger)", dash: "2 4" },
  { color: "var(--warning)", dash: "10 4 2 4" },
];

/** A line chart of one or more series; the `alt` text states its point and a hidden table carries the numbers. */
export function LineChart({ alt, caption, xLabel, yLabel, scale = "linear", series }: LineChartProps) {
  return (
    <figure className="my-6">
      <p className="sr-only">{alt}</p>
      <div aria-hidden="true" className="h-72 w-full text-xs">
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
