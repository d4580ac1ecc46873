import { expect, test } from "vitest";
import { allQuorums, judgeQuorum, minimumReadQuorum, readOutcome } from "@/lib/widgets/client";

test("N=3, R=2, W=2 overlaps and survives one failure for both reads and writes", () => {
  const verdict = judgeQuorum({ n: 3, r: 2, w: 2 });
  expect(verdict.overlaps).toBe(true);
  expect(verdict.bothFailures).toBe(1);
  expect(verdict.writeMajority).toBe(true);
});

test("R=1, W=1 of 3 is fast and survives two failures but can read stale data", () => {
  const verdict = judgeQuorum({ n: 3, r: 1, w: 1 });
  expect(verdict.overlaps).toBe(false);
  expect(verdict.bothFailures).toBe(2);
  expect(readOutcome({ n: 3, r: 1, w: 1 }, 0)).toEqual({ served: true, fresh: false });
});

test("W=N reads fresh with R=1 but a single failure stops writes", () => {
  const verdict = judgeQuorum({ n: 5, r: 1, w: 5 });
  expect(verdict.overlaps).toBe(true);
  expect(verdict.writeFailures).toBe(0);
  expect(verdict.readFailures).toBe(4);
});

test("the minimum read quorum is N − W + 1", () => {
  expect(minimumReadQuorum(5, 3)).toBe(3);
  expect(minimumReadQuorum(3, 1)).toBe(3);
  expect(judgeQuorum({ n: 5, r: minimumReadQuorum(5, 2), w: 2 }).overlaps).toBe(true);
  expect(judgeQuorum({ n: 5, r: minimumReadQuorum(5, 2) - 1, w: 2 }).overlaps).toBe(false);
});

test("the table lists every pair, and overlap holds exactly when R + W > N", () => {
  const rows = allQuorums(4);
  expect(rows).toHaveLength(16);
  for (const row of rows) expect(row.overlaps).toBe(row.r + row.w > 4);
});

test("a read fails once fewer than R replicas answer", () => {
  expect(readOutcome({ n: 3, r: 2, w: 2 }, 1)).toEqual({ served: true, fresh: true });
  expect(readOutcome({ n: 3, r: 2, w: 2 }, 2)).toEqual({ served: false, fresh: false });
});

test("impossible quorums are refused with the reason", () => {
  expect(() => judgeQuorum({ n: 3, r: 4, w: 1 })).toThrow(/cannot exceed N/);
  expect(() => judgeQuorum({ n: 3, r: 0, w: 1 })).toThrow(/R is a whole number/);
  expect(() => readOutcome({ n: 3, r: 1, w: 1 }, 4)).toThrow(/0 to 3/);
});
