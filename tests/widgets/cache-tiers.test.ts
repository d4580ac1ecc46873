import { expect, test } from "vitest";
import { avalanche, cacheFlow } from "@/lib/widgets/client";

const tiers = [
  { name: "In-process", hitRatio: 0.5, latencyMs: 0.001 },
  { name: "Redis", hitRatio: 0.9, latencyMs: 0.5 },
];

test("the database serves what every tier missed", () => {
  const flow = cacheFlow(100_000, tiers, 5);
  expect(flow.missShare).toBeCloseTo(0.05);
  expect(flow.databaseReads).toBeCloseTo(5_000);
  expect(flow.tiers[0]!.hits).toBeCloseTo(50_000);
  expect(flow.tiers[1]!.reaching).toBeCloseTo(50_000);
  expect(flow.tiers[1]!.hits).toBeCloseTo(45_000);
});

test("every read pays each lookup it reaches, and the misses pay the database", () => {
  const flow = cacheFlow(1, tiers, 5);
  expect(flow.effectiveLatencyMs).toBeCloseTo(0.001 + 0.5 * 0.5 + 0.05 * 5);
});

test("no tiers send everything to the database", () => {
  const flow = cacheFlow(1_000, [], 5);
  expect(flow.databaseReads).toBe(1_000);
  expect(flow.effectiveLatencyMs).toBe(5);
});

test("an emptied tier sends its share to the database until it refills", () => {
  const series = avalanche(100_000, tiers, 5, 1, 60, 120);
  expect(series[0]!.databaseReads).toBeCloseTo(50_000);
  expect(series[30]!.databaseReads).toBeCloseTo(50_000 * (1 - 0.9 * 0.5));
  expect(series[60]!.databaseReads).toBeCloseTo(5_000);
  expect(series.at(-1)!.databaseReads).toBeCloseTo(5_000);
});

test("impossible tiers are refused with the reason", () => {
  expect(() => cacheFlow(1, [{ name: "Redis", hitRatio: 1.2, latencyMs: 1 }], 5)).toThrow(/Redis: a hit ratio/);
  expect(() => avalanche(1, tiers, 5, 2, 60, 10)).toThrow(/one of the 2 tiers/);
});
