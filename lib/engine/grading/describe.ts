import { formatDisplay, formatFixed } from "../number-format.ts";

/** "3.2 % above" / "12 % below": how far r = answer / truth is from 1, in words. */
export function percentAway(r: number): string {
  const percent = Math.abs(r - 1) * 100;
  const shown =
    percent < 10 ? Math.round(percent * 10) / 10 : percent < 1000 ? Math.round(percent) : formatFixed(percent, 0);
  return `${shown} % ${r >= 1 ? "above" : "below"}`;
}

/** "2.4× the reference" / "1/2.4 of the reference". */
export function timesAway(r: number): string {
  return r >= 1 ? `${formatDisplay(r)}× the reference` : `1/${formatDisplay(1 / r)} of the reference`;
}

/** A message for an answer whose sign or zero-ness cannot match the reference, or null when r is a usable ratio. */
export function signProblem(answer: number, truth: number): string | null {
  if (truth === 0) return answer === 0 ? null : "The reference is 0, so only 0 earns credit.";
  if (answer === 0) return "An answer of 0 cannot match a non-zero reference.";
  if (answer < 0 !== truth < 0)
    return `The answer is ${answer < 0 ? "negative" : "positive"} but the reference is not.`;
  return null;
}

/** "12 % above the reference" under a factor of 2, "2.4× the reference" beyond. */
export function describeRatioMiss(r: number): string {
  return r > 0.5 && r < 2 ? `${percentAway(r)} the reference` : timesAway(r);
}
