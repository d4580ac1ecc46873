import { hashString } from "@/lib/engine/client";

/**
 * A consistent-hashing ring with virtual nodes, beside plain mod-N hashing: which node owns each key, and which keys
 * move when a node joins or leaves. Hashes are 32-bit FNV-1a with a final mix, so every run (server, browser, test) agrees.
 */

/** 32-bit FNV-1a of a string, mixed with a final avalanche so nearby names spread round the ring. */
export function hash32(text: string): number {
  let hash = hashString(text);
  // murmur3's finaliser: FNV alone leaves "node-1#1" and "node-1#2" close together.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The ring's size: positions run from 0 to 2^32 − 1. */
export const RING_SIZE = 2 ** 32;

export type RingPoint = { position: number; node: number };

/** The virtual-node points of `nodes` nodes with `vnodes` points each, sorted by position. */
export function ringPoints(nodes: number, vnodes: number): RingPoint[] {
  const points: RingPoint[] = [];
  for (let node = 0; node < nodes; node++) {
    for (let v = 0; v < vnodes; v++) points.push({ position: hash32(`node-${node}#${v}`), node });
  }
  return points.sort((a, b) => a.position - b.position || a.node - b.node);
}

/** The node that owns a position: the first point clockwise from it (wrapping round). */
export function ownerOnRing(points: readonly RingPoint[], position: number): number {
  if (points.length === 0) throw new RangeError("A ring needs at least one node.");
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (points[mid]!.position < position) low = mid + 1;
    else high = mid;
  }
  return points[low === points.length ? 0 : low]!.node;
}

/** The positions of `count` keys ("key-0" … ), fixed for a given count. */
export function keyPositions(count: number): number[] {
  return Array.from({ length: count }, (_, i) => hash32(`key-${i}`));
}

export type Placement = {
  /** owner of each key on the ring */
  ring: number[];
  /** owner of each key under hash mod N */
  modN: number[];
};

/** Where each key lives with `nodes` nodes: on the ring (with `vnodes` points per node) and under mod-N hashing. */
export function placeKeys(keys: readonly number[], nodes: number, vnodes: number): Placement {
  const points = ringPoints(nodes, vnodes);
  return {
    ring: keys.map((key) => ownerOnRing(points, key)),
    modN: keys.map((key) => key % nodes),
  };
}

export type Reshard = {
  before: Placement;
  after: Placement;
  /** indexes of the keys whose owner changed */
  movedRing: number[];
  movedModN: number[];
  /** shares of all keys that moved, 0–1 */
  ringShare: number;
  modNShare: number;
  /** keys per node after the change, on the ring */
  ringLoad: number[];
};

/**
 * What changes when the cluster goes from `from` nodes to `to` nodes (a node joins or the last one leaves).
 * On the ring about |to − from| ÷ max(from, to) of the keys move; under mod-N almost all of them do.
 */
export function reshard(keyCount: number, from: number, to: number, vnodes: number): Reshard {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1)
    throw new RangeError("Node counts are whole numbers of at least 1.");
  if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError("Each node needs at least one virtual node.");
  const keys = keyPositions(keyCount);
  const before = placeKeys(keys, from, vnodes);
  const after = placeKeys(keys, to, vnodes);
  const moved = (a: number[], b: number[]) => a.flatMap((owner, i) => (owner === b[i] ? [] : [i]));
  const movedRing = moved(before.ring, after.ring);
  const movedModN = moved(before.modN, after.modN);
  const ringLoad = Array.from({ length: to }, () => 0);
  for (const owner of after.ring) ringLoad[owner]!++;
  return {
    before,
    after,
    movedRing,
    movedModN,
    ringShare: keyCount === 0 ? 0 : movedRing.length / keyCount,
    modNShare: keyCount === 0 ? 0 : movedModN.length / keyCount,
    ringLoad,
  };
}

/** The share a perfectly even ring would move: the joining (or leaving) node's fair share. */
export function idealMoveShare(from: number, to: number): number {
  return Math.abs(to - from) / Math.max(from, to);
}

/** How uneven the ring's load is: the busiest node's keys over the mean (1 = perfectly even). */
export function peakToMean(load: readonly number[]): number {
  const total = load.reduce((sum, n) => sum + n, 0);
  if (total === 0) return 1;
  return Math.max(...load) / (total / load.length);
}
