import { describeRatioMiss, percentAway, signProblem, timesAway } from "./describe.ts";
import { formatDisplay } from "../number-format.ts";
import { EXACT_WITHIN, type Grader, type Grading, type RatioTolerance } from "./types.ts";

/**
 * The lower edge of the full-credit band, as a fraction of the truth. A narrow band (full ≤ 1.25) is symmetric in
 * percent, the way people say it ("within 15 % either way": 0.85 to 1.15 for full = 1.15, so the 86,400 ≈ 10^5
 * shortcut passes); a wider one is symmetric as a factor (full = 3: a third to three times).
 */
export function lowerFullEdge(full: number): number {
  return full <= 1.25 ? 2 - full : 1 / full;
}

const SLACK = 1e-12;

/**
 * Estimates: credit by distance from the truth t, measured in log space.
 *
 * Full credit (score 1) for a ∈ [L·t, full·t] with L from {@link lowerFullEdge};
 * `exact` within 0.5 %, `close` elsewhere in the band. Outside it, credit falls linearly in log space to 0 at a
 * factor of `zero` either way:
 *   a > full·t: score = (ln zero − ln(a/t)) / (ln zero − ln full)
 *   a < L·t:    score = (ln zero − ln(t/a)) / (ln zero − ln(1/L))
 * clamped to [0, 1]; 0 < score < 1 is `order-of-magnitude`, 0 is `off`. An answer of the other sign, or 0 against
 * a non-zero truth, is `off`. With the default { full: 1.15, zero: 10 }: 0.85t to 1.15t full, 10× or 1/10 nothing.
 * @see design page, "The calculation engine" › Grading (ratio bands)
 * @example gradeRatio(q(200_000), q(50_000), { kind: "ratio", full: 2, zero: 8 }).score // 0.5
 */
export const gradeRatio: Grader<RatioTolerance> = (answer, truth, { full, zero, complement }) => {
  if (complement === true) return gradeComplement(answer.value, truth.value, full, zero);
  return ratioGrading(answer.value, truth.value, full, zero);
};

/**
 * A fraction graded on both sides: the answer against the reference, and 1 − answer against 1 − reference, with the
 * same bands; the lower score stands. Near 1 the complement decides: a hit rate of 99.5 % against 99.875 % is a
 * miss rate of 0.5 % against 0.125 %, 4× the load on what sits behind the cache. Near 0 the rate itself decides, so
 * the option is safe on a hit rate that varies from 1 % to 99.9 %. The message names the miss rates when they decide.
 * @example gradeRatio(q(0.995), q(0.99875), { kind: "ratio", full: 1.15, zero: 10, complement: true }).score // < 1
 */
function gradeComplement(a: number, t: number, full: number, zero: number): Grading {
  const direct = ratioGrading(a, t, full, zero);
  const graded = ratioGrading(1 - a, 1 - t, full, zero);
  if (direct.score < graded.score || (direct.score === graded.score && graded.verdict === "exact")) return direct;
  const miss = (x: number) => `${formatDisplay(Math.round((1 - x) * 1e6) / 1e4)} %`;
  return {
    ...graded,
    message: `Graded on the complement (the miss rate): ${miss(a)} against ${miss(t)}. ${graded.message}`,
  };
}

function ratioGrading(a: number, t: number, full: number, zero: number): Grading {
  const problem = signProblem(a, t);
  if (problem !== null) return { score: 0, verdict: "off", message: problem };
  if (t === 0) return { score: 1, verdict: "exact", message: "Exact." };
  const r = a / t;
  const low = lowerFullEdge(full);
  if (r <= full * (1 + SLACK) && r >= low * (1 - SLACK)) {
    if (Math.abs(r - 1) <= EXACT_WITHIN + SLACK) {
      return { score: 1, verdict: "exact", message: "Exact: within 0.5 % of the reference." };
    }
    return { score: 1, verdict: "close", message: `Close: ${percentAway(r)} the reference, full credit.` };
  }
  const lnZero = Math.log(zero);
  const raw =
    r > 1 ? (lnZero - Math.log(r)) / (lnZero - Math.log(full)) : (lnZero + Math.log(r)) / (lnZero + Math.log(low));
  // At exactly a factor of `zero` floating-point noise leaves ±1e-16: that is no credit.
  const score = raw <= 1e-9 ? 0 : raw >= 1 ? 1 : raw;
  if (score === 0) {
    return {
      score: 0,
      verdict: "off",
      message: `Off: ${timesAway(r)}, beyond the factor of ${zero} that still earns credit.`,
    };
  }
  return {
    score,
    verdict: "order-of-magnitude",
    message: `Right order of magnitude: ${describeRatioMiss(r)}, for ${Math.floor(score * 100)} % credit.`,
  };
}
