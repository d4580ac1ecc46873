"use client";

import { useMemo, useState } from "react";
import { LineChart } from "@/components/mdx/line-chart";
import { simulateQueue, steadyState } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp, formatNumber } from "./slider";

const RUN_SECONDS = 60;

/** Arrival rate, service time and workers → utilisation, waiting time and the backlog over a minute. */
export default function QueueWidget({ start }: WidgetProps) {
  const [arrivals, setArrivals] = useState(() => clamp(Math.round(start.arrivals ?? 90), 1, 2_000));
  const [serviceMs, setServiceMs] = useState(() => clamp(Math.round(start.service ?? 10), 1, 200));
  const [workers, setWorkers] = useState(() => clamp(Math.round(start.workers ?? 1), 1, 64));
  const params = { arrivalsPerSecond: arrivals, serviceSeconds: serviceMs / 1000, workers };
  const state = steadyState(params);
  const run = useMemo(
    () => simulateQueue({ arrivalsPerSecond: arrivals, serviceSeconds: serviceMs / 1000, workers }, RUN_SECONDS, 1),
    [arrivals, serviceMs, workers],
  );
  const curve = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97].map((rho) => {
    const at = steadyState({
      arrivalsPerSecond: (rho * workers) / (serviceMs / 1000),
      serviceSeconds: serviceMs / 1000,
      workers,
    });
    return [Math.round(rho * 100), Math.round(at.meanTimeSeconds * 1000 * 10) / 10] as [number, number];
  });

  return (
    <div className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Slider
          label="Arrivals per second"
          value={arrivals}
          min={1}
          max={2_000}
          format={(v) => `${formatNumber(v)}/s`}
          onChange={setArrivals}
        />
        <Slider
          label="Service time"
          value={serviceMs}
          min={1}
          max={200}
          format={(v) => `${v} ms`}
          onChange={setServiceMs}
        />
        <Slider
          label="Workers"
          value={workers}
          min={1}
          max={64}
          format={(v) => `${v} worker${v === 1 ? "" : "s"}`}
          onChange={setWorkers}
        />
      </div>
      <Readout
        items={[
          { label: "Utilisation", value: `${formatNumber(state.utilisation * 100, 1)} %`, testId: "queue-utilisation" },
          {
            label: "Mean time in the system",
            value: state.stable ? `${formatNumber(state.meanTimeSeconds * 1000, 1)} ms` : "Grows without limit",
            testId: "queue-time",
          },
          { label: "Chance a request waits", value: `${formatNumber(state.waitChance * 100, 1)} %` },
          {
            label: "In the system on average (L = λW)",
            value: state.stable ? formatNumber(state.meanInSystem, 1) : "Grows without limit",
          },
          {
            label: `Waiting after ${RUN_SECONDS} s (one run)`,
            value: formatNumber(run.backlog),
            testId: "queue-backlog",
          },
        ]}
      />
      <LineChart
        alt={`Requests waiting over a ${RUN_SECONDS}-second run at ${formatNumber(state.utilisation * 100, 1)} % utilisation: ${state.stable ? "the queue rises and falls around its average" : "the backlog climbs without limit, because work arrives faster than the workers finish it"}.`}
        caption={`Requests waiting, second by second, in one simulated run of ${RUN_SECONDS} s`}
        xLabel="Second"
        yLabel="Waiting"
        series={[{ name: "Waiting", points: run.points.map((p) => [p.second, p.waiting]) }]}
      />
      <LineChart
        alt={`Mean time in the system climbs slowly to about 70 % utilisation and then steeply: at 97 % it is ${formatNumber(curve.at(-1)![1])} ms against ${formatNumber(curve[0]![1])} ms at 10 %.`}
        caption={`Mean time in the system (ms) against utilisation, for ${workers} worker${workers === 1 ? "" : "s"} at ${serviceMs} ms each`}
        xLabel="Utilisation (%)"
        yLabel="Mean time (ms)"
        series={[{ name: "Mean time in the system (ms)", points: curve }]}
      />
    </div>
  );
}
