"use client";

import { useId, useState } from "react";
import { shapeTrace, slidingWindow, tally, tokenBucket } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp, formatNumber } from "./slider";

const SECONDS = 20;
const BURST_AT = 5;

/** One request trace the learner shapes, fed to a token bucket and a sliding-window counter side by side. */
export default function RateLimiterWidget({ start }: WidgetProps) {
  const [steady, setSteady] = useState(2);
  const [burst, setBurst] = useState(() => clamp(Math.round(start.burst ?? 30), 0, 200));
  const [capacity, setCapacity] = useState(() => clamp(Math.round(start.capacity ?? 10), 1, 100));
  const [refill, setRefill] = useState(() => clamp(Math.round(start.refill ?? 5), 1, 50));
  const [limit, setLimit] = useState(() => clamp(Math.round(start.refill ?? 5), 1, 100));
  const times = shapeTrace({ steadyRate: steady, burstSize: burst, burstAt: BURST_AT, seconds: SECONDS });
  const bucket = tokenBucket(times, { capacity, refillPerSecond: refill });
  const windowed = slidingWindow(times, { limit, windowSeconds: 1 });
  const bucketTally = tally(times, bucket, SECONDS);
  const windowTally = tally(times, windowed, SECONDS);
  const burstIndexes = times.flatMap((t, i) => (t === BURST_AT ? [i] : []));
  const burstPassed = burstIndexes.filter((i) => bucket[i]).length;

  return (
    <div className="mt-4 space-y-4">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">The traffic</legend>
        <Slider
          label="Steady requests per second"
          value={steady}
          min={0}
          max={50}
          format={(v) => `${v}/s`}
          onChange={setSteady}
        />
        <Slider
          label={`Burst at ${BURST_AT} s`}
          value={burst}
          min={0}
          max={200}
          format={(v) => `${v} requests`}
          onChange={setBurst}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">The limiters</legend>
        <Slider
          label="Bucket capacity"
          value={capacity}
          min={1}
          max={100}
          format={(v) => `${v} tokens`}
          onChange={setCapacity}
        />
        <Slider
          label="Bucket refill"
          value={refill}
          min={1}
          max={50}
          format={(v) => `${v} tokens/s`}
          onChange={setRefill}
        />
        <Slider
          label="Window limit (1 s window)"
          value={limit}
          min={1}
          max={100}
          format={(v) => `${v} per s`}
          onChange={setLimit}
        />
      </fieldset>
      <Readout
        items={[
          { label: "Burst requests the bucket passes", value: `${burstPassed} of ${burst}`, testId: "bucket-burst" },
          {
            label: "Token bucket passes",
            value: `${formatNumber(bucketTally.passed)} of ${formatNumber(times.length)}`,
            testId: "bucket-passed",
          },
          {
            label: "Sliding window passes",
            value: `${formatNumber(windowTally.passed)} of ${formatNumber(times.length)}`,
            testId: "window-passed",
          },
        ]}
      />
      <SecondBars title="Token bucket" perSecond={bucketTally.perSecond} />
      <SecondBars title="Sliding-window counter" perSecond={windowTally.perSecond} />
    </div>
  );
}

function SecondBars({
  title,
  perSecond,
}: {
  title: string;
  perSecond: { second: number; passed: number; refused: number }[];
}) {
  const hatch = useId();
  const most = Math.max(1, ...perSecond.map((s) => s.passed + s.refused));
  const height = 90;
  const width = 20;
  return (
    <figure>
      <figcaption className="text-sm font-medium">
        {title}: requests per second, passed (solid) and refused (hatched)
      </figcaption>
      <svg
        viewBox={`0 0 ${perSecond.length * width} ${height + 14}`}
        className="h-28 w-full"
        aria-hidden="true"
        preserveAspectRatio="none"
      >
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="2" height="4" fill="var(--danger)" />
          </pattern>
        </defs>
        {perSecond.map((s) => {
          const passed = (s.passed / most) * height;
          const refused = (s.refused / most) * height;
          const x = s.second * width + 2;
          return (
            <g key={s.second}>
              <rect x={x} y={height - passed} width={width - 4} height={passed} fill="var(--accent)" />
              <rect
                x={x}
                y={height - passed - refused}
                width={width - 4}
                height={refused}
                fill={`url(#${CSS.escape(hatch)})`}
              />
            </g>
          );
        })}
        <line x1={0} x2={perSecond.length * width} y1={height} y2={height} stroke="var(--border)" />
      </svg>
      <table className="sr-only">
        <caption>{title}, per second</caption>
        <thead>
          <tr>
            <th scope="col">Second</th>
            <th scope="col">Passed</th>
            <th scope="col">Refused</th>
          </tr>
        </thead>
        <tbody>
          {perSecond.map((s) => (
            <tr key={s.second}>
              <th scope="row">{s.second}</th>
              <td>{s.passed}</td>
              <td>{s.refused}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
