/** A range at least this wide (log10 of high / low; 2 is a factor of 100) earns no credit, so it cannot count as held. */
export const UNINFORMATIVE_LOG_WIDTH = 2;

/** Fewer ranges than this say nothing about calibration: 4 of 5 holding is as likely from a 60 % as an 80 % habit. */
export const MIN_RANGES_FOR_VERDICT = 10;

/** The share of 80 % ranges a calibrated learner sees hold. */
const TARGET = 0.8;

export type CalibrationVerdict = "not-enough" | "too-narrow" | "calibrated" | "too-wide";

/**
 * How a learner's 80 % ranges did. `held` counts only ranges that held the true value AND were informative
 * (narrower than a factor of 100 end to end): a 1–10¹² range holds everything and teaches nothing. `tooWide` counts
 * the ranges left out for that reason. `interval` is the 95 % Wilson interval of `heldShare`.
 */
export type CalibrationSummary = {
  readonly count: number;
  readonly held: number;
  readonly tooWide: number;
  readonly heldShare: number;
  readonly interval: { readonly low: number; readonly high: number };
  readonly verdict: CalibrationVerdict;
};

/**
 * The 95 % Wilson score interval for a share of `successes` in `n` trials ([0, 1] when n is 0).
 * centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), z = 1.96.
 * @see Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference"
 */
export function wilsonInterval(successes: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.96;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Sums up range answers for the calibration figures ("of your 80 % ranges, 61 % held"). The verdict waits for
 * MIN_RANGES_FOR_VERDICT ranges; after that it is `calibrated` while the 95 % interval of the held share contains
 * 80 %, `too-narrow` when the whole interval is below (ranges miss too often: widen them) and `too-wide` when it is
 * above.
 * @example summariseCalibration([{ held: true, logWidth: 0.4 }, { held: true, logWidth: 12 }]) // held 1, tooWide 1
 */
export function summariseCalibration(
  results: readonly { readonly held: boolean; readonly logWidth: number }[],
): CalibrationSummary {
  let held = 0;
  let tooWide = 0;
  for (const result of results) {
    if (!result.held) continue;
    if (result.logWidth < UNINFORMATIVE_LOG_WIDTH) held++;
    else tooWide++;
  }
  const count = results.length;
  const interval = wilsonInterval(held, count);
  const verdict: CalibrationVerdict =
    count < MIN_RANGES_FOR_VERDICT
      ? "not-enough"
      : interval.high < TARGET
        ? "too-narrow"
        : interval.low > TARGET
          ? "too-wide"
          : "calibrated";
  return { count, held, tooWide, heldShare: count === 0 ? 0 : held / count, interval, verdict };
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * The calibration summary in one or two sentences for the practice and progress pages.
 * @example describeCalibration(summariseCalibration([])) // "You have not given any ranges yet."
 */
export function describeCalibration(summary: CalibrationSummary): string {
  const { count, held, tooWide, heldShare, interval, verdict } = summary;
  if (count === 0) return "You have not given any ranges yet.";
  const base = `Of your ${count} 80% range${count === 1 ? "" : "s"}, ${held} held the answer (${percent(heldShare)}).`;
  const wide =
    tooWide > 0 ? ` ${tooWide} more held it only by spanning a factor of 100 or more, which does not count.` : "";
  if (verdict === "not-enough") {
    const more = MIN_RANGES_FOR_VERDICT - count;
    return `${base}${wide} Give ${more} more before Envelope judges your calibration: a few ranges say little.`;
  }
  const band = ` The true share is likely between ${percent(interval.low)} and ${percent(interval.high)}.`;
  const advice =
    tooWide * 2 > count
      ? " Most of your ranges were too wide to count: give the narrowest range you are still 80% sure of."
      : verdict === "too-narrow"
        ? " Your ranges miss more often than 1 in 5: widen them."
        : verdict === "too-wide"
          ? " Your ranges almost always hold: you can afford narrower ones."
          : " That is consistent with 80%: well calibrated.";
  return `${base}${wide}${band}${advice}`;
}
