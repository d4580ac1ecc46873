import { formatDisplay } from "../number-format.ts";
import type { Grader, RangeTolerance } from "./types.ts";

/**
 * Calibration answers (an 80 % range such as "30k-80k"): does the range hold the truth, and how wide is it?
 *
 * logWidth = log10(high / low). A range that holds the truth scores
 *   score = clamp(2 − logWidth, 0, 1)
 * so anything up to a factor of 10 end to end earns full credit (`close`), a factor of ~31.6 earns half and a factor
 * of 100 or more nothing; a range that misses the truth scores 0 (`off`). The result carries `calibration`
 * ({ held, logWidth }) for the app's chart ("of your 80 % ranges, 61 % held"). A range whose low end is not above
 * zero has no finite width: it is `unreadable`, with a message asking for a positive low end.
 * @see design page, "The calculation engine" › Grading (ranges and calibration)
 */
export const gradeRange: Grader<RangeTolerance> = (answer, truth) => {
  const range = answer.range ?? { low: answer.value, high: answer.value };
  const { low, high } = range;
  const t = truth.value;
  if (!(low > 0)) {
    // Its width is a ratio, so a range from zero (or below) would be infinitely wide: ask for a real low end.
    return {
      score: 0,
      verdict: "unreadable",
      message: "A range is measured by the ratio of its ends, so its low end must be above zero (for example “1-100”).",
    };
  }
  const held = low * (1 - 1e-12) <= t && t <= high * (1 + 1e-12);
  const logWidth = Math.log10(high / low);
  const calibration = { held, logWidth };
  const width = `a factor of ${formatDisplay(high / low)}`;
  if (!held) {
    const side = t > high ? "above" : "below";
    const miss = t > high ? t / high : t > 0 ? low / t : Number.POSITIVE_INFINITY;
    const by = Number.isFinite(miss) ? ` (${formatDisplay(miss)}× beyond its ${t > high ? "upper" : "lower"} end)` : "";
    return {
      score: 0,
      verdict: "off",
      message: `Your range missed: the true value lies ${side} it${by}.`,
      calibration,
    };
  }
  const raw = 2 - logWidth;
  const score = raw >= 1 ? 1 : raw <= 0 ? 0 : raw;
  if (score === 1) {
    return {
      score,
      verdict: "close",
      message: `Your range holds the true value and spans ${width}: full credit.`,
      calibration,
    };
  }
  const verdict = score > 0 ? "order-of-magnitude" : "off";
  return {
    score,
    verdict,
    message: `Your range holds the true value but spans ${width}; within a factor of 10 end to end earns full credit.`,
    calibration,
  };
};
