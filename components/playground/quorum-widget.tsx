"use client";

import { useState } from "react";
import { judgeQuorum, readOutcome } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp } from "./slider";

const GAP = 44;

/** N replicas, W write acknowledgements, R read replies and some replicas down: does a read see the latest write? */
export default function QuorumWidget({ start }: WidgetProps) {
  const [n, setN] = useState(() => clamp(Math.round(start.n ?? 3), 1, 9));
  const [w, setW] = useState(() => clamp(Math.round(start.w ?? 2), 1, n));
  const [r, setR] = useState(() => clamp(Math.round(start.r ?? 1), 1, n));
  const [down, setDown] = useState(0);
  const verdict = judgeQuorum({ n, r: Math.min(r, n), w: Math.min(w, n) });
  const read = readOutcome(verdict, Math.min(down, n));
  const writeAccepted = n - Math.min(down, n) >= verdict.w;

  function changeN(next: number) {
    setN(next);
    setW((value) => Math.min(value, next));
    setR((value) => Math.min(value, next));
    setDown((value) => Math.min(value, next));
  }

  // Worst case: the write reached replicas 0 … W−1; the read asks the up replicas from the other end first.
  const up = Array.from({ length: n }, (_, i) => i).filter((i) => i >= Math.min(down, n));
  const readers = new Set([...up].reverse().slice(0, verdict.r));

  return (
    <div className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Slider label="Replicas (N)" value={n} min={1} max={9} format={(v) => `N = ${v}`} onChange={changeN} />
        <Slider
          label="Write acknowledgements (W)"
          value={verdict.w}
          min={1}
          max={n}
          format={(v) => `W = ${v}`}
          onChange={setW}
        />
        <Slider label="Read replies (R)" value={verdict.r} min={1} max={n} format={(v) => `R = ${v}`} onChange={setR} />
        <Slider
          label="Replicas down"
          value={Math.min(down, n)}
          min={0}
          max={n}
          format={(v) => `${v} down`}
          onChange={setDown}
        />
      </div>
      <Readout
        items={[
          {
            label: "Every read sees the latest write",
            value: verdict.overlaps
              ? `Yes: ${verdict.r} + ${verdict.w} > ${n}`
              : `No: ${verdict.r} + ${verdict.w} ≤ ${n}`,
            testId: "quorum-overlap",
          },
          { label: "Failures writes survive", value: String(verdict.writeFailures) },
          { label: "Failures reads survive", value: String(verdict.readFailures) },
          { label: `Writes with ${Math.min(down, n)} down`, value: writeAccepted ? "Accepted" : "Refused" },
          {
            label: `A read with ${Math.min(down, n)} down`,
            value: !read.served ? "Fails" : read.fresh ? "Fresh" : "May be stale",
            testId: "quorum-read",
          },
        ]}
      />
      <figure>
        <svg
          viewBox={`0 0 ${n * GAP + 16} 92`}
          className="h-auto w-full max-w-md"
          role="img"
          aria-labelledby="quorum-caption"
        >
          {Array.from({ length: n }, (_, i) => {
            const x = 8 + i * GAP + GAP / 2;
            const isDown = i < Math.min(down, n);
            const hasWrite = i < verdict.w;
            return (
              <g key={i}>
                <circle
                  cx={x}
                  cy={36}
                  r={16}
                  fill={hasWrite ? "var(--accent)" : "var(--surface)"}
                  stroke={readers.has(i) ? "var(--success)" : "var(--border)"}
                  strokeWidth={readers.has(i) ? 4 : 2}
                  strokeDasharray={readers.has(i) ? undefined : "3 3"}
                  opacity={isDown ? 0.35 : 1}
                />
                {isDown && (
                  <path
                    d={`M${x - 10} 26 L${x + 10} 46 M${x + 10} 26 L${x - 10} 46`}
                    stroke="var(--danger)"
                    strokeWidth={3}
                  />
                )}
                <text x={x} y={78} textAnchor="middle" className="fill-current text-[11px]">
                  {isDown ? "down" : readers.has(i) ? "read" : hasWrite ? "write" : ""}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id="quorum-caption" className="mt-2 text-sm text-muted">
          Filled replicas hold the latest write (the first {verdict.w}); replicas with a thick green ring answer the
          read, in the worst case the ones the write missed; crossed-out replicas are down.{" "}
          {verdict.overlaps
            ? "Whichever R replicas answer, at least one holds the write."
            : `${n - verdict.w} replicas missed the write, enough to answer a read of ${verdict.r} on their own.`}
        </figcaption>
      </figure>
    </div>
  );
}
