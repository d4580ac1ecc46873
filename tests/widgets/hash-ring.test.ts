import { describe, expect, test } from "vitest";
import {
  hash32,
  idealMoveShare,
  ownerOnRing,
  peakToMean,
  placeKeys,
  reshard,
  ringPoints,
  keyPositions,
} from "@/lib/widgets/client";

describe("the ring", () => {
  test("hashes are stable 32-bit integers and spread nearby names apart", () => {
    expect(hash32("node-0#0")).toBe(hash32("node-0#0"));
    const a = hash32("node-1#1");
    const b = hash32("node-1#2");
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(2 ** 32);
    expect(Math.abs(a - b)).toBeGreaterThan(2 ** 20);
  });

  test("a key belongs to the first point clockwise, wrapping past the top", () => {
    const points = [
      { position: 100, node: 0 },
      { position: 200, node: 1 },
    ];
    expect(ownerOnRing(points, 50)).toBe(0);
    expect(ownerOnRing(points, 100)).toBe(0);
    expect(ownerOnRing(points, 150)).toBe(1);
    expect(ownerOnRing(points, 250)).toBe(0);
    expect(() => ownerOnRing([], 1)).toThrow(/at least one node/);
  });

  test("points are sorted and each node has its virtual nodes", () => {
    const points = ringPoints(3, 50);
    expect(points).toHaveLength(150);
    for (let i = 1; i < points.length; i++) expect(points[i]!.position).toBeGreaterThanOrEqual(points[i - 1]!.position);
    expect(points.filter((p) => p.node === 2)).toHaveLength(50);
  });
});

describe("adding a node", () => {
  test("the fifth node takes about a fifth of the keys on the ring, and mod-N moves about four fifths", () => {
    const change = reshard(10_000, 4, 5, 200);
    expect(idealMoveShare(4, 5)).toBeCloseTo(0.2);
    expect(change.ringShare).toBeGreaterThan(0.17);
    expect(change.ringShare).toBeLessThan(0.23);
    expect(change.modNShare).toBeGreaterThan(0.75);
    expect(change.modNShare).toBeLessThan(0.85);
  });

  test("every key that moves on the ring moves to the new node", () => {
    const change = reshard(2_000, 4, 5, 100);
    for (const i of change.movedRing) expect(change.after.ring[i]).toBe(4);
    expect(change.ringLoad.reduce((a, b) => a + b, 0)).toBe(2_000);
  });

  test("removing the last node moves only its keys", () => {
    const change = reshard(2_000, 5, 4, 100);
    for (const i of change.movedRing) expect(change.before.ring[i]).toBe(4);
  });

  test("more virtual nodes even out the load", () => {
    const few = peakToMean(placeKeys(keyPositions(20_000), 5, 1).ring.reduce(count(5), Array(5).fill(0)));
    const many = peakToMean(placeKeys(keyPositions(20_000), 5, 200).ring.reduce(count(5), Array(5).fill(0)));
    expect(many).toBeLessThan(few);
    expect(many).toBeLessThan(1.15);
  });

  test("bad node counts are refused", () => {
    expect(() => reshard(10, 0, 1, 10)).toThrow(/at least 1/);
    expect(() => reshard(10, 1, 2, 0)).toThrow(/virtual node/);
  });
});

function count(nodes: number) {
  return (load: number[], owner: number) => {
    expect(owner).toBeLessThan(nodes);
    load[owner]!++;
    return load;
  };
}
