import type { Quantity } from "../quantity.ts";

/** How an answer compares with the reference. `exact` and `close` earn full credit. */
export type Verdict = "exact" | "close" | "order-of-magnitude" | "off" | "unreadable" | "wrong-dimension";

/** For a range answer (calibration): whether it held the true value, and its width as log10(high / low). */
export type Calibration = { readonly held: boolean; readonly logWidth: number };

/** Exact to floating-point noise: replica counts, booleans (1/0), integers. */
export type ExactTolerance = { readonly kind: "exact" };
/** Full credit within ±`within` of the reference (0.05 = ±5 %), nothing outside. */
export type RelativeTolerance = { readonly kind: "relative"; readonly within: number };
/**
 * Full credit within the `full` band, falling in log space to nothing at a factor of `zero`. See gradeRatio.
 * With `complement`, a fraction (a hit rate) is also graded through 1 − answer against 1 − reference (the miss
 * rate) and the lower score stands, so 99.5 % does not pass for 99.875 %: the database behind the cache sees 4× the load.
 */
export type RatioTolerance = {
  readonly kind: "ratio";
  readonly full: number;
  readonly zero: number;
  readonly complement?: boolean;
};
/** The answer is an 80 % range ("30k-80k"), scored for holding the true value and for its width. See gradeRange. */
export type RangeTolerance = { readonly kind: "range" };
export type Tolerance = ExactTolerance | RelativeTolerance | RatioTolerance | RangeTolerance;

/** The grade of one answer. `read` echoes how the answer was read ("read as 46,000 requests/s"). */
export type GradeResult = {
  readonly score: number;
  readonly verdict: Verdict;
  readonly read: string;
  readonly message: string;
  readonly calibration?: Calibration;
};

/** What one grader decides: the orchestrator adds `read` and any slip hint. */
export type Grading = {
  readonly score: number;
  readonly verdict: Verdict;
  readonly message: string;
  readonly calibration?: Calibration;
};

/** A grader for one tolerance kind: the answer (already read, same dimension) against the reference. */
export type Grader<T extends Tolerance> = (answer: Quantity, truth: Quantity, tolerance: T) => Grading;

/**
 * Grading when a step sets no tolerance: full credit within 15 % either way (so the 86,400 ≈ 10^5 shortcut,
 * 13.6 % low, passes), falling linearly in log space to nothing at a factor of 10.
 */
export const DEFAULT_TOLERANCE: RatioTolerance = { kind: "ratio", full: 1.15, zero: 10 };

/** Within this relative distance (0.5 %) an answer is `exact`. */
export const EXACT_WITHIN = 0.005;
