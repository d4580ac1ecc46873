/** How a learner's 80 % ranges did: how many there were, how many held the true value, and that share. */
export type CalibrationSummary = { readonly count: number; readonly held: number; readonly heldShare: number };

/**
 * Sums up range answers for the calibration chart ("of your 80 % ranges, 61 % held"): heldShare = held / count,
 * 0 when there are none. A well-calibrated learner's 80 % ranges hold about 80 % of the time.
 * @example summariseCalibration([{ held: true, logWidth: 0.4 }, { held: false, logWidth: 0.2 }]) // { count: 2, held: 1, heldShare: 0.5 }
 */
export function summariseCalibration(
  results: readonly { readonly held: boolean; readonly logWidth: number }[],
): CalibrationSummary {
  let held = 0;
  for (const result of results) if (result.held) held++;
  return { count: results.length, held, heldShare: results.length === 0 ? 0 : held / results.length };
}
