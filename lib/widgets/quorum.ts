/** Leaderless quorums: with N replicas, writes wait for W and reads for R acknowledgements. */

export type Quorum = { n: number; r: number; w: number };

export type QuorumVerdict = Quorum & {
  /** R + W > N: every read set overlaps the latest write set, so a read sees its own (and every acknowledged) write */
  overlaps: boolean;
  /** replicas that can be down while writes still succeed */
  writeFailures: number;
  /** replicas that can be down while reads still succeed */
  readFailures: number;
  /** replicas that can be down while both reads and writes succeed */
  bothFailures: number;
  /** W > N / 2: two concurrent writes cannot both reach a majority */
  writeMajority: boolean;
};

export function checkQuorum({ n, r, w }: Quorum): void {
  for (const [name, value] of [
    ["N", n],
    ["R", r],
    ["W", w],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} is a whole number of at least 1.`);
  }
  if (r > n || w > n) throw new RangeError("R and W cannot exceed N.");
}

export function judgeQuorum(quorum: Quorum): QuorumVerdict {
  checkQuorum(quorum);
  const { n, r, w } = quorum;
  return {
    n,
    r,
    w,
    overlaps: r + w > n,
    writeFailures: n - w,
    readFailures: n - r,
    bothFailures: Math.min(n - w, n - r),
    writeMajority: 2 * w > n,
  };
}

/** Every (R, W) pair for N replicas, ordered by W then R: the table beside the widget. */
export function allQuorums(n: number): QuorumVerdict[] {
  const rows: QuorumVerdict[] = [];
  for (let w = 1; w <= n; w++) for (let r = 1; r <= n; r++) rows.push(judgeQuorum({ n, r, w }));
  return rows;
}

/** The smallest R that reads every write acknowledged by W of N: N − W + 1. */
export function minimumReadQuorum(n: number, w: number): number {
  checkQuorum({ n, r: 1, w });
  return n - w + 1;
}

/**
 * A read with `down` replicas unreachable and the replicas that took the last write being the first W: whether the
 * read can be served, and whether it is guaranteed to include a replica with the latest write (the worst case picks
 * stale replicas first).
 */
export function readOutcome(quorum: Quorum, down: number): { served: boolean; fresh: boolean } {
  checkQuorum(quorum);
  const { n, r, w } = quorum;
  if (!Number.isInteger(down) || down < 0 || down > n) throw new RangeError(`Down replicas run from 0 to ${n}.`);
  const served = n - down >= r;
  // In the worst case the reader reaches the N − W stale replicas first.
  return { served, fresh: served && r > n - w };
}
