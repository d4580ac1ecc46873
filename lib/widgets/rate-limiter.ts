/**
 * Two rate limiters fed the same request trace: a token bucket and a sliding-window counter (the weighted estimate of
 * the previous fixed window plus the current one). Times are in seconds.
 */

export type TraceShape = {
  /** steady requests per second */
  steadyRate: number;
  /** requests that arrive together in one burst */
  burstSize: number;
  /** when the burst arrives */
  burstAt: number;
  /** length of the trace */
  seconds: number;
};

/** The request times of a steady flow plus one burst, in order. */
export function shapeTrace({ steadyRate, burstSize, burstAt, seconds }: TraceShape): number[] {
  if (!(steadyRate >= 0) || !(burstSize >= 0) || !(seconds > 0))
    throw new RangeError("Rates, bursts and lengths are positive.");
  const times: number[] = [];
  if (steadyRate > 0) {
    const gap = 1 / steadyRate;
    for (let t = gap / 2; t < seconds; t += gap) times.push(t);
  }
  for (let i = 0; i < Math.floor(burstSize); i++) times.push(burstAt);
  return times.sort((a, b) => a - b);
}

export type Bucket = { capacity: number; refillPerSecond: number };

/** Which requests a token bucket (starting full) admits: one token per request, tokens refilled continuously. */
export function tokenBucket(times: readonly number[], { capacity, refillPerSecond }: Bucket): boolean[] {
  if (!(capacity >= 1) || !(refillPerSecond >= 0)) throw new RangeError("A bucket holds at least one token.");
  let tokens = capacity;
  let last = times[0] ?? 0;
  return times.map((t) => {
    tokens = Math.min(capacity, tokens + (t - last) * refillPerSecond);
    last = t;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  });
}

export type Window = { limit: number; windowSeconds: number };

/**
 * Which requests a sliding-window counter admits: it counts admitted requests per fixed window and estimates the
 * last `windowSeconds` as the current window's count plus the previous window's weighted by the share still inside.
 */
export function slidingWindow(times: readonly number[], { limit, windowSeconds }: Window): boolean[] {
  if (!(limit >= 1) || !(windowSeconds > 0)) throw new RangeError("A window admits at least one request.");
  const counts = new Map<number, number>();
  return times.map((t) => {
    const index = Math.floor(t / windowSeconds);
    const current = counts.get(index) ?? 0;
    const previous = counts.get(index - 1) ?? 0;
    const elapsed = (t - index * windowSeconds) / windowSeconds;
    const estimate = previous * (1 - elapsed) + current;
    if (estimate + 1 <= limit) {
      counts.set(index, current + 1);
      return true;
    }
    return false;
  });
}

/** Admitted and refused counts, total and per whole second of the trace. */
export function tally(
  times: readonly number[],
  admitted: readonly boolean[],
  seconds: number,
): { passed: number; refused: number; perSecond: { second: number; passed: number; refused: number }[] } {
  const perSecond = Array.from({ length: Math.ceil(seconds) }, (_, second) => ({ second, passed: 0, refused: 0 }));
  let passed = 0;
  times.forEach((t, i) => {
    const bucket = perSecond[Math.min(perSecond.length - 1, Math.floor(t))];
    if (admitted[i]) {
      passed++;
      if (bucket) bucket.passed++;
    } else if (bucket) bucket.refused++;
  });
  return { passed, refused: times.length - passed, perSecond };
}
