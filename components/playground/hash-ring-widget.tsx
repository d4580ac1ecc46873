"use client";

import { useMemo, useState } from "react";
import { RING_SIZE, idealMoveShare, keyPositions, peakToMean, reshard, ringPoints } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp, formatNumber, formatPercent } from "./slider";

const KEYS = 2_000;
const SIZE = 320;
const CENTRE = SIZE / 2;
const RADIUS = 130;

function onCircle(position: number, radius: number): [number, number] {
  const angle = (position / RING_SIZE) * 2 * Math.PI - Math.PI / 2;
  return [CENTRE + radius * Math.cos(angle), CENTRE + radius * Math.sin(angle)];
}

/** Add or remove a node on a consistent-hashing ring and beside it under hash mod N: which keys move. */
export default function HashRingWidget({ start }: WidgetProps) {
  const [nodes, setNodes] = useState(() => clamp(Math.round(start.nodes ?? 4), 1, 12));
  const [vnodes, setVnodes] = useState(() => clamp(Math.round(start.vnodes ?? 100), 1, 200));
  const [change, setChange] = useState<"add" | "remove">("add");
  const to = change === "add" ? nodes + 1 : Math.max(1, nodes - 1);
  const result = useMemo(() => reshard(KEYS, nodes, to, vnodes), [nodes, to, vnodes]);
  const points = useMemo(() => ringPoints(Math.max(nodes, to), vnodes), [nodes, to, vnodes]);
  const changed = change === "add" ? to - 1 : nodes - 1;
  const moved = new Set(result.movedRing);
  const keys = useMemo(() => keyPositions(KEYS), []);

  return (
    <div className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Slider
          label="Nodes before the change"
          value={nodes}
          min={change === "add" ? 1 : 2}
          max={12}
          format={(v) => `${v} nodes`}
          onChange={setNodes}
        />
        <Slider
          label="Virtual nodes per node"
          value={vnodes}
          min={1}
          max={200}
          format={(v) => `${v} points`}
          onChange={setVnodes}
        />
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Change</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="ring-change" checked={change === "add"} onChange={() => setChange("add")} />
          Add a node
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="ring-change"
            checked={change === "remove"}
            disabled={nodes < 2}
            onChange={() => setChange("remove")}
          />
          Remove the last node
        </label>
      </fieldset>
      <Readout
        items={[
          {
            label: "Keys that move on the ring",
            value: `${formatPercent(result.ringShare)} (${formatNumber(result.movedRing.length)})`,
            testId: "ring-moved",
          },
          {
            label: "Keys that move under mod N",
            value: `${formatPercent(result.modNShare)} (${formatNumber(result.movedModN.length)})`,
            testId: "modn-moved",
          },
          { label: "Busiest node ÷ mean after", value: `${formatNumber(peakToMean(result.ringLoad), 2)}×` },
        ]}
      />
      <figure className="mx-auto max-w-sm">
        <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="h-auto w-full" role="img" aria-labelledby="ring-figure-caption">
          <circle cx={CENTRE} cy={CENTRE} r={RADIUS} fill="none" stroke="var(--border)" strokeWidth={2} />
          {points.map((point, i) => {
            const [x, y] = onCircle(point.position, RADIUS);
            const isChanged = point.node === changed;
            return (
              <circle
                key={i}
                cx={x}
                cy={y}
                r={isChanged ? 4 : 2.5}
                fill={isChanged ? "var(--danger)" : "var(--muted)"}
                opacity={isChanged ? 1 : 0.6}
              />
            );
          })}
          {keys.map((position, i) => {
            const [x, y] = onCircle(position, RADIUS - 14);
            return moved.has(i) ? <circle key={`k${i}`} cx={x} cy={y} r={2} fill="var(--accent)" /> : null;
          })}
          <text x={CENTRE} y={CENTRE - 6} textAnchor="middle" className="fill-current text-[13px] font-semibold">
            {nodes} → {to} nodes
          </text>
          <text x={CENTRE} y={CENTRE + 14} textAnchor="middle" className="fill-current text-[12px]">
            {formatPercent(result.ringShare)} move (ideal {formatPercent(idealMoveShare(nodes, to))})
          </text>
        </svg>
        <figcaption id="ring-figure-caption" className="mt-2 text-sm text-muted">
          The ring: each dot on the circle is a virtual node; the {change === "add" ? "new" : "removed"} node&apos;s
          points are larger and red, and the keys that move are the blue dots inside the circle. On the ring only the
          keys in the arcs it takes over (or gives up) move: {formatNumber(result.movedRing.length)} of{" "}
          {formatNumber(KEYS)} keys. Under hash mod N, {formatNumber(result.movedModN.length)} of them would move.
        </figcaption>
      </figure>
    </div>
  );
}
