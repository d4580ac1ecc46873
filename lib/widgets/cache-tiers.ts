/**
 * Cache tiers in front of a database: each tier answers its hit ratio of the reads that reach it and passes the rest
 * down. The database serves what every tier missed, and a read's expected latency sums each tier's latency weighted
 * by the share of reads that reach it.
 */

export type Tier = { name: string; hitRatio: number; latencyMs: number };

export type TierFlow = {
  name: string;
  /** reads per second that reach this tier */
  reaching: number;
  /** reads per second this tier answers */
  hits: number;
  latencyMs: number;
};

export type CacheFlow = {
  tiers: TierFlow[];
  /** reads per second that reach the database */
  databaseReads: number;
  /** share of reads that miss every tier, 0–1 */
  missShare: number;
  /** expected latency of one read in milliseconds */
  effectiveLatencyMs: number;
};

function checkTier(tier: Tier): void {
  if (!(tier.hitRatio >= 0 && tier.hitRatio <= 1)) throw new RangeError(`${tier.name}: a hit ratio runs from 0 to 1.`);
  if (!(tier.latencyMs >= 0) || !Number.isFinite(tier.latencyMs))
    throw new RangeError(`${tier.name}: latency is a finite number of milliseconds.`);
}

/** Reads per second through the tiers to a database that answers in `databaseMs`. */
export function cacheFlow(readsPerSecond: number, tiers: readonly Tier[], databaseMs: number): CacheFlow {
  if (!(readsPerSecond >= 0) || !Number.isFinite(readsPerSecond)) throw new RangeError("Reads per second are finite.");
  tiers.forEach(checkTier);
  let reaching = readsPerSecond;
  let share = 1;
  let latency = 0;
  const flows: TierFlow[] = [];
  for (const tier of tiers) {
    // Every read that reaches a tier pays its lookup, hit or miss.
    latency += share * tier.latencyMs;
    const hits = reaching * tier.hitRatio;
    flows.push({ name: tier.name, reaching, hits, latencyMs: tier.latencyMs });
    reaching -= hits;
    share *= 1 - tier.hitRatio;
  }
  latency += share * databaseMs;
  return { tiers: flows, databaseReads: reaching, missShare: share, effectiveLatencyMs: latency };
}

/**
 * The avalanche: tier `emptied` loses everything at time 0 and refills as it serves misses, its hit ratio climbing
 * back linearly over `refillSeconds`. Returns the database's reads per second at each second from 0 to `seconds`.
 */
export function avalanche(
  readsPerSecond: number,
  tiers: readonly Tier[],
  databaseMs: number,
  emptied: number,
  refillSeconds: number,
  seconds: number,
): { second: number; databaseReads: number }[] {
  if (!Number.isInteger(emptied) || emptied < 0 || emptied >= tiers.length)
    throw new RangeError(`The emptied tier is one of the ${tiers.length} tiers.`);
  if (!(refillSeconds > 0)) throw new RangeError("A tier takes some time to refill.");
  const points: { second: number; databaseReads: number }[] = [];
  for (let second = 0; second <= seconds; second++) {
    const warmth = Math.min(1, second / refillSeconds);
    const now = tiers.map((tier, i) => (i === emptied ? { ...tier, hitRatio: tier.hitRatio * warmth } : tier));
    points.push({ second, databaseReads: cacheFlow(readsPerSecond, now, databaseMs).databaseReads });
  }
  return points;
}
