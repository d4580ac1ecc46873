import { describeRatioMiss, signProblem } from "./describe.ts";
import type { ExactTolerance, Grader } from "./types.ts";

/**
 * Exact answers (replica counts, quorum booleans as 1/0): full credit when |a − t| ≤ 10⁻⁹·|t| (floating-point
 * noise), nothing otherwise.
 * @see design page, "The calculation engine" › Grading (exact)
 */
export const gradeExact: Grader<ExactTolerance> = (answer, truth) => {
  const a = answer.value;
  const t = truth.value;
  if (Math.abs(a - t) <= 1e-9 * Math.abs(t) || a === t) {
    return { score: 1, verdict: "exact", message: "Exact." };
  }
  const problem = signProblem(a, t);
  const miss = problem ?? describeRatioMiss(a / t);
  return { score: 0, verdict: "off", message: `Not exact: ${miss}. This step needs the exact number.` };
};
