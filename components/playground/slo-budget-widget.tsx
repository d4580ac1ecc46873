"use client";

import { useState } from "react";
import { LineChart } from "@/components/mdx/line-chart";
import { budgetByDay, burnRate, errorBudget, hoursToExhaust } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp, formatNumber } from "./slider";

const WINDOW_DAYS = 28;
const TARGETS = [99, 99.5, 99.9, 99.95, 99.99] as const;

/** An availability target and incident minutes → the budget burned over a 28-day window, and the burn rate. */
export default function SloBudgetWidget({ start }: WidgetProps) {
  const startTarget = TARGETS.reduce((best, t) =>
    Math.abs(t - (start.target ?? 99.9)) < Math.abs(best - (start.target ?? 99.9)) ? t : best,
  );
  const [targetIndex, setTargetIndex] = useState<number>(TARGETS.indexOf(startTarget));
  const [incident, setIncident] = useState(() => clamp(Math.round(start.incident ?? 20), 0, 600));
  const [incidentDay, setIncidentDay] = useState(10);
  const [errorRate, setErrorRate] = useState(2);
  const target = TARGETS[targetIndex]! / 100;
  const incidents = [{ day: incidentDay, minutes: incident }];
  const budget = errorBudget(target, WINDOW_DAYS, incidents);
  const days = budgetByDay(target, WINDOW_DAYS, incidents);
  const rate = burnRate(errorRate / 100, target);

  return (
    <div className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Slider
          label="Availability target"
          value={targetIndex}
          min={0}
          max={TARGETS.length - 1}
          format={(i) => `${TARGETS[i]} %`}
          onChange={setTargetIndex}
        />
        <Slider
          label="Full-outage minutes in the incident"
          value={incident}
          min={0}
          max={600}
          format={(v) => `${v} min`}
          onChange={setIncident}
        />
        <Slider
          label="Day of the incident"
          value={incidentDay}
          min={0}
          max={WINDOW_DAYS - 1}
          format={(v) => `day ${v + 1}`}
          onChange={setIncidentDay}
        />
        <Slider
          label="Error rate during a slow burn"
          value={errorRate}
          min={0}
          max={100}
          step={0.5}
          format={(v) => `${v} % errors`}
          onChange={setErrorRate}
        />
      </div>
      <Readout
        items={[
          {
            label: `Budget over ${WINDOW_DAYS} days`,
            value: `${formatNumber(budget.budgetMinutes, 1)} min`,
            testId: "slo-budget",
          },
          {
            label: "Burned by the incident",
            value: `${formatNumber(budget.burnedShare * 100, 1)} %`,
            testId: "slo-burned",
          },
          { label: "Left", value: `${formatNumber(budget.remainingMinutes, 1)} min` },
          { label: `Burn rate at ${errorRate} % errors`, value: `${formatNumber(rate, 1)}×` },
          {
            label: "Whole budget gone after",
            value: Number.isFinite(hoursToExhaust(rate, WINDOW_DAYS))
              ? `${formatNumber(hoursToExhaust(rate, WINDOW_DAYS), 1)} h`
              : "never",
          },
        ]}
      />
      <LineChart
        alt={`The budget stays whole until day ${incidentDay + 1}, when the incident burns ${formatNumber(budget.burnedShare * 100, 1)} % of it${budget.burnedShare > 1 ? ", more than all of it: the SLO is missed for the window" : ""}.`}
        caption={`Error budget left at the end of each day (% of ${formatNumber(budget.budgetMinutes, 1)} minutes)`}
        xLabel="Day of the window"
        yLabel="Budget left (%)"
        series={[
          { name: "Budget left (%)", points: days.map((d) => [d.day, Math.round(d.remainingShare * 1000) / 10]) },
        ]}
      />
    </div>
  );
}
