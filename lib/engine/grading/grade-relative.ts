import { formatFixed } from "../number-format.ts";
import { describeRatioMiss, percentAway, signProblem } from "./describe.ts";
import { EXACT_WITHIN, type Grader, type RelativeTolerance } from "./types.ts";

/**
 * ±x % answers: full credit when |a − t| ≤ within·|t|, `exact` within 0.5 %, otherwise `off` with no credit.
 * @see design page, "The calculation engine" › Grading (relative)
 */
export const gradeRelative: Grader<RelativeTolerance> = (answer, truth, { within }) => {
  const a = answer.value;
  const t = truth.value;
  const problem = signProblem(a, t);
  if (problem !== null) return { score: 0, verdict: "off", message: problem };
  if (t === 0) return { score: 1, verdict: "exact", message: "Exact." };
  const distance = Math.abs(a - t) / Math.abs(t);
  const band = `±${formatFixed(within * 100, 2)} %`;
  if (distance <= within * (1 + 1e-12)) {
    if (distance <= EXACT_WITHIN + 1e-12)
      return { score: 1, verdict: "exact", message: "Exact: within 0.5 % of the reference." };
    return { score: 1, verdict: "close", message: `Close: ${percentAway(a / t)} the reference, within ${band}.` };
  }
  return {
    score: 0,
    verdict: "off",
    message: `Outside the band: ${describeRatioMiss(a / t)}; this step needs ${band}.`,
  };
};
