"use client";

import { useState } from "react";
import { LineChart } from "@/components/mdx/line-chart";
import { avalanche, cacheFlow, type Tier } from "@/lib/widgets/client";
import type { WidgetProps } from "./playground";
import { Readout, Slider, clamp, formatNumber } from "./slider";

const DATABASE_MS = 5;
const REFILL_SECONDS = 60;
const TIER_NAMES = ["In-process cache", "Redis", "Regional cache"] as const;
const TIER_LATENCY_MS = [0.05, 0.5, 2] as const;

/** One to three cache tiers in front of a database: the load that reaches it, the latency a read sees, the avalanche. */
export default function CacheTiersWidget({ start }: WidgetProps) {
  const [reads, setReads] = useState(() => clamp(Math.round(start.reads ?? 100_000), 1_000, 1_000_000));
  const [count, setCount] = useState(2);
  const [hits, setHits] = useState<number[]>(() => [
    clamp(start.hit1 ?? 80, 0, 99.9),
    clamp(start.hit2 ?? 90, 0, 99.9),
    90,
  ]);
  const [emptied, setEmptied] = useState<number | null>(null);
  const tiers: Tier[] = hits
    .slice(0, count)
    .map((hit, i) => ({ name: TIER_NAMES[i]!, hitRatio: hit / 100, latencyMs: TIER_LATENCY_MS[i]! }));
  const flow = cacheFlow(reads, tiers, DATABASE_MS);
  const emptiedTier = emptied !== null && emptied < count ? emptied : null;
  const series = emptiedTier === null ? null : avalanche(reads, tiers, DATABASE_MS, emptiedTier, REFILL_SECONDS, 120);

  function setHit(i: number, value: number) {
    setHits((current) => current.map((hit, j) => (j === i ? value : hit)));
  }

  return (
    <div className="mt-4 space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Slider
          label="Reads per second"
          value={reads}
          min={1_000}
          max={1_000_000}
          step={1_000}
          format={(v) => `${formatNumber(v)} reads/s`}
          onChange={setReads}
        />
        <Slider
          label="Cache tiers"
          value={count}
          min={1}
          max={3}
          format={(v) => `${v} tier${v === 1 ? "" : "s"}`}
          onChange={setCount}
        />
        {tiers.map((tier, i) => (
          <Slider
            key={tier.name}
            label={`${tier.name} hit ratio`}
            value={hits[i]!}
            min={0}
            max={99.9}
            step={0.1}
            format={(v) => `${formatNumber(v, 1)} %`}
            onChange={(value) => setHit(i, value)}
          />
        ))}
      </div>
      <Readout
        items={[
          {
            label: "Reads reaching the database",
            value: `${formatNumber(flow.databaseReads)}/s`,
            testId: "cache-db-reads",
          },
          { label: "Share that misses every tier", value: `${formatNumber(flow.missShare * 100, 3)} %` },
          { label: "Average read latency", value: `${formatNumber(flow.effectiveLatencyMs, 3)} ms` },
        ]}
      />
      <table className="w-full text-sm">
        <caption className="sr-only">Reads through each tier</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="font-medium">
              Tier
            </th>
            <th scope="col" className="text-right font-medium">
              Reaching (/s)
            </th>
            <th scope="col" className="text-right font-medium">
              Answered (/s)
            </th>
            <th scope="col" className="hidden text-right font-medium sm:table-cell">
              Lookup
            </th>
          </tr>
        </thead>
        <tbody>
          {flow.tiers.map((tier) => (
            <tr key={tier.name} className="border-t border-border">
              <th scope="row" className="py-1 text-left font-normal">
                {tier.name}
              </th>
              <td className="text-right tabular-nums">{formatNumber(tier.reaching)}</td>
              <td className="text-right tabular-nums">{formatNumber(tier.hits)}</td>
              <td className="hidden text-right tabular-nums sm:table-cell">{tier.latencyMs} ms</td>
            </tr>
          ))}
          <tr className="border-t border-border font-semibold">
            <th scope="row" className="py-1 text-left">
              Database
            </th>
            <td className="text-right tabular-nums">{formatNumber(flow.databaseReads)}</td>
            <td className="text-right tabular-nums">{formatNumber(flow.databaseReads)}</td>
            <td className="hidden text-right tabular-nums sm:table-cell">{DATABASE_MS} ms</td>
          </tr>
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        {tiers.map((tier, i) => (
          <button
            key={tier.name}
            type="button"
            className="btn-secondary"
            aria-pressed={emptiedTier === i}
            onClick={() => setEmptied(emptiedTier === i ? null : i)}
          >
            {emptiedTier === i ? `Refill the ${tier.name}` : `Empty the ${tier.name}`}
          </button>
        ))}
      </div>
      {series && emptiedTier !== null && (
        <LineChart
          alt={`When the ${tiers[emptiedTier]!.name} empties, the database's reads jump from ${formatNumber(flow.databaseReads)} to ${formatNumber(series[0]!.databaseReads)} a second and fall back as it refills over ${REFILL_SECONDS} s.`}
          caption={`Database reads per second after the ${tiers[emptiedTier]!.name} empties (refilling over ${REFILL_SECONDS} s)`}
          xLabel="Seconds after the restart"
          yLabel="Database reads/s"
          series={[{ name: "Database reads/s", points: series.map((p) => [p.second, Math.round(p.databaseReads)]) }]}
        />
      )}
    </div>
  );
}
