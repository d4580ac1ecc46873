import { expect, test } from "vitest";
import { erlangC, latencyCurve, simulateQueue, steadyState } from "@/lib/widgets/client";

test("one worker at 90 % waits nine service times: W = S / (1 − ρ)", () => {
  const state = steadyState({ arrivalsPerSecond: 90, serviceSeconds: 0.01, workers: 1 });
  expect(state.utilisation).toBeCloseTo(0.9);
  expect(state.meanTimeSeconds).toBeCloseTo(0.1);
  expect(state.meanWaitSeconds).toBeCloseTo(0.09);
  // Little's law
  expect(state.meanInSystem).toBeCloseTo(9);
});

test("Erlang C matches published values", () => {
  // 2 servers, 1 erlang: C = 1/3. 10 servers, 8 erlangs: C ≈ 0.409.
  expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 6);
  expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
});

test("pooled workers wait far less than one at the same utilisation", () => {
  const one = steadyState({ arrivalsPerSecond: 80, serviceSeconds: 0.01, workers: 1 });
  const ten = steadyState({ arrivalsPerSecond: 800, serviceSeconds: 0.01, workers: 10 });
  expect(one.utilisation).toBeCloseTo(ten.utilisation);
  expect(ten.meanWaitSeconds).toBeLessThan(one.meanWaitSeconds / 3);
});

test("at or over 100 % the queue never drains", () => {
  const state = steadyState({ arrivalsPerSecond: 120, serviceSeconds: 0.01, workers: 1 });
  expect(state.stable).toBe(false);
  expect(state.meanTimeSeconds).toBe(Infinity);
});

test("the latency curve bends up near 1", () => {
  const curve = latencyCurve([0.5, 0.8, 0.9, 0.99]);
  expect(curve.map((p) => Math.round(p.multiple))).toEqual([2, 5, 10, 100]);
});

test("a simulation is repeatable and agrees with the formula", () => {
  const params = { arrivalsPerSecond: 80, serviceSeconds: 0.01, workers: 1 };
  const run = simulateQueue(params, 600, 7);
  expect(simulateQueue(params, 600, 7)).toEqual(run);
  expect(run.meanTimeSeconds).toBeGreaterThan(0.04);
  expect(run.meanTimeSeconds).toBeLessThan(0.06);
});

test("an overloaded simulation builds a backlog that grows with time", () => {
  const run = simulateQueue({ arrivalsPerSecond: 120, serviceSeconds: 0.01, workers: 1 }, 60, 3);
  expect(run.points[30]!.waiting).toBeGreaterThan(300);
  expect(run.backlog).toBeGreaterThan(run.points[30]!.waiting);
});

test("impossible queues are refused with the reason", () => {
  expect(() => steadyState({ arrivalsPerSecond: 1, serviceSeconds: 0, workers: 1 })).toThrow(/service time/);
  expect(() => steadyState({ arrivalsPerSecond: 1, serviceSeconds: 1, workers: 1.5 })).toThrow(/Workers/);
  expect(() => simulateQueue({ arrivalsPerSecond: 1e6, serviceSeconds: 1, workers: 1 }, 60)).toThrow(/at most/);
});
