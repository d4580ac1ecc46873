import { describeDimension, sameDimension } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { type AnswerReading, readAnswer } from "../answer/read-answer.ts";
import type { Quantity } from "../quantity.ts";
import { defaultUnitFor, parseUnit } from "../units/parse-unit.ts";
import { graders } from "./graders.ts";
import { lowerFullEdge } from "./grade-ratio.ts";
import { slipNote } from "./slips.ts";
import { DEFAULT_TOLERANCE, type GradeResult, type Grading, type Tolerance } from "./types.ts";

/** Checks a tolerance an author wrote; a nonsensical one is an author mistake. */
export function checkTolerance(tolerance: Tolerance): void {
  if (tolerance.kind === "relative" && !(tolerance.within >= 0 && Number.isFinite(tolerance.within))) {
    throw new EngineError("invalid-argument", `A relative tolerance needs 0 ≤ within, not ${tolerance.within}.`);
  }
  if (tolerance.kind === "ratio") {
    const { full, zero } = tolerance;
    if (!(full >= 1) || !(zero > full) || !(zero > 1 / lowerFullEdge(full)) || !Number.isFinite(zero)) {
      throw new EngineError(
        "invalid-argument",
        `A ratio tolerance needs 1 ≤ full < zero (and zero beyond the band's lower edge), not full ${full}, zero ${zero}.`,
      );
    }
  }
}

function runGrader(answer: Quantity, truth: Quantity, tolerance: Tolerance): Grading {
  switch (tolerance.kind) {
    case "exact":
      return graders.exact(answer, truth, tolerance);
    case "relative":
      return graders.relative(answer, truth, tolerance);
    case "ratio":
      return graders.ratio(answer, truth, tolerance);
    case "range":
      return graders.range(answer, truth, tolerance);
  }
}

/** Grades an answer already read (see readAnswer) against the reference. */
export function gradeReading(reading: AnswerReading, expected: Quantity, tolerance: Tolerance): GradeResult {
  if (reading.kind !== "ok") return { score: 0, verdict: reading.kind, read: "", message: reading.message };
  const answer = reading.quantity;
  if (tolerance.kind === "range" && answer.range === null) {
    return {
      score: 0,
      verdict: "unreadable",
      read: reading.read,
      message:
        "This step asks for an 80 % range (the low end, a dash or “to”, then the high end), not a single number.",
    };
  }
  if (tolerance.kind !== "range" && answer.range !== null) {
    return {
      score: 0,
      verdict: "unreadable",
      read: reading.read,
      message: `This step asks for one number, not a range (${reading.read}).`,
    };
  }
  const graded = runGrader(answer, expected, tolerance);
  let message = graded.message;
  if (graded.verdict !== "exact" && graded.verdict !== "close" && tolerance.kind !== "range") {
    const slip = slipNote(answer.value / expected.value);
    if (slip !== "") message = `${message} ${slip}`;
  }
  return graded.calibration === undefined
    ? { score: graded.score, verdict: graded.verdict, read: reading.read, message }
    : { score: graded.score, verdict: graded.verdict, read: reading.read, message, calibration: graded.calibration };
}

/**
 * Grades one answer against the reference quantity. Never throws on the answer: unreadable text is `unreadable`
 * and a different dimension `wrong-dimension` (score 0, the message names both dimensions).
 *
 * With no tolerance: full credit within 15 % either way, `exact` within 0.5 %, then credit falling linearly in log
 * space to 0 at a factor of 10 (`order-of-magnitude`), `off` beyond. An answer off by about 10^3, 10^6, 8 or their
 * inverses gets a message naming the likely slip (prefix, or bits and bytes). See gradeExact, gradeRelative,
 * gradeRatio and gradeRange for each tolerance.
 *
 * `expect` is the unit the question asks in: bare numbers are read in it and it decides `B` (bytes or billion).
 * Without it, a bare number is read in the reference's base unit (per second for rates, bytes, seconds, dollars,
 * dollars per month for costs).
 * @throws EngineError only for author mistakes: an unknown `expect` unit, an `expect` of another dimension than the
 * reference, or a nonsensical tolerance.
 * @example grade("46k", evaluate("200M * 20 / 1 day"), undefined, { expect: "requests/s" }) // verdict "close"
 */
export function grade(
  answer: string,
  expected: Quantity,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
  options: { expect?: string } = {},
): GradeResult {
  const unit = options.expect === undefined ? defaultUnitFor(expected.dim, expected.label) : parseUnit(options.expect);
  if (!sameDimension(unit.dim, expected.dim)) {
    throw new EngineError(
      "dimension-mismatch",
      `The expected unit “${unit.text}” is ${describeDimension(unit.dim).phrase} but the reference is ${describeDimension(expected.dim).phrase}.`,
    );
  }
  if (tolerance !== DEFAULT_TOLERANCE) checkTolerance(tolerance);
  return gradeReading(readAnswer(answer, unit), expected, tolerance);
}
