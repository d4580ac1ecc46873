import { expect, test } from "vitest";
import { shapeTrace, slidingWindow, tally, tokenBucket } from "@/lib/widgets/client";

test("a steady flow is evenly spaced and a burst arrives at once", () => {
  const times = shapeTrace({ steadyRate: 2, burstSize: 3, burstAt: 1.5, seconds: 2 });
  expect(times).toEqual([0.25, 0.75, 1.25, 1.5, 1.5, 1.5, 1.75]);
});

test("a full bucket admits its capacity from a burst, then the refill rate", () => {
  const times = shapeTrace({ steadyRate: 0, burstSize: 30, burstAt: 0, seconds: 1 });
  const admitted = tokenBucket(times, { capacity: 10, refillPerSecond: 5 });
  expect(admitted.filter(Boolean)).toHaveLength(10);
  expect(admitted.slice(0, 10).every(Boolean)).toBe(true);
});

test("under its refill rate a bucket admits a steady flow entirely", () => {
  const times = shapeTrace({ steadyRate: 4, burstSize: 0, burstAt: 0, seconds: 10 });
  expect(tokenBucket(times, { capacity: 1, refillPerSecond: 5 }).every(Boolean)).toBe(true);
});

test("over its refill rate a bucket settles at the refill rate", () => {
  const times = shapeTrace({ steadyRate: 20, burstSize: 0, burstAt: 0, seconds: 60 });
  const { passed } = tally(times, tokenBucket(times, { capacity: 10, refillPerSecond: 5 }), 60);
  expect(passed).toBeGreaterThanOrEqual(5 * 60);
  expect(passed).toBeLessThanOrEqual(5 * 60 + 10);
});

test("the sliding window admits the limit in a window and weighs the previous one", () => {
  const burst = shapeTrace({ steadyRate: 0, burstSize: 15, burstAt: 0.5, seconds: 1 });
  expect(slidingWindow(burst, { limit: 10, windowSeconds: 1 }).filter(Boolean)).toHaveLength(10);
  // 10 admitted in window 0; at t = 1.5 half of them still count, so 5 more pass.
  const later = [...burst, ...Array(10).fill(1.5)];
  expect(slidingWindow(later, { limit: 10, windowSeconds: 1 }).filter(Boolean)).toHaveLength(15);
});

test("the tally counts per second", () => {
  const times = [0.1, 0.2, 1.1];
  const result = tally(times, [true, false, true], 2);
  expect(result.passed).toBe(2);
  expect(result.refused).toBe(1);
  expect(result.perSecond).toEqual([
    { second: 0, passed: 1, refused: 1 },
    { second: 1, passed: 1, refused: 0 },
  ]);
});

test("impossible limiters are refused", () => {
  expect(() => tokenBucket([0], { capacity: 0, refillPerSecond: 1 })).toThrow(/at least one token/);
  expect(() => slidingWindow([0], { limit: 0, windowSeconds: 1 })).toThrow(/at least one request/);
});
