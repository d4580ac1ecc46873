import { sameDimension } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { evaluate } from "../evaluate.ts";
import { attachUnit, formatApproximate, formatQuantity } from "../format-quantity.ts";
import { formatSignificant } from "../number-format.ts";
import { formulaNames } from "../formula/formula-names.ts";
import { parseFormula } from "../formula/parse.ts";
import { substituteFormula } from "../formula/substitute.ts";
import { gradeReading } from "../grading/grade.ts";
import type { Calibration, GradeResult, Verdict } from "../grading/types.ts";
import { readAnswer } from "../answer/read-answer.ts";
import type { Quantity } from "../quantity.ts";
import type { BuiltExercise, BuiltStep } from "./build.ts";
import { traceChain, type ChainAlignment } from "./align-chain.ts";
import { hiddenConversions, showConversions } from "./conversions.ts";
import { smallerDataUnit } from "./natural-units.ts";

/** What was typed for each step, by step id, exactly as typed. */
export type StepAnswers = Readonly<Record<string, string>>;

/** The grade of one step. `expected` is the reference formatted in the step's unit, `expectedValue` the number. */
export type StepGrade = {
  readonly id: string;
  readonly score: number;
  readonly verdict: Verdict;
  readonly read: string;
  readonly message: string;
  /** True when the step earned its credit from the learner's own (wrong) earlier answers. */
  readonly followThrough: boolean;
  readonly expected: string;
  readonly expectedValue: number;
  readonly calibration?: Calibration;
  /**
   * Set when follow-through gave credit to a number two or more orders of magnitude from the reference: the step
   * is consistent with the learner's earlier answer, but a number that far off should have raised a flag.
   */
  readonly implausible?: true;
};

/** One step of the worked solution. */
export type WorkedStep = {
  readonly id: string;
  readonly prompt: string;
  /** The formula as the author wrote it. */
  readonly formula: string;
  /** The formula with this variant's numbers put in: "200M users × 20 / 1 day". */
  readonly substituted: string;
  /** The result in the step's unit, with a short form for big numbers: "46,296 requests/s ≈ 46k/s". */
  readonly result: string;
  readonly explain?: string;
};

/** The grade of a whole exercise, computed after submission. */
export type ExerciseGrade = {
  /** The mean of the step scores, 0 to 1. */
  readonly score: number;
  readonly steps: readonly StepGrade[];
  readonly worked: readonly WorkedStep[];
  /** The first step whose verdict is below `close`, or null when every step earned full credit. */
  readonly divergedAt: string | null;
  /** For an exercise played open: where the learner's scratchpad agreed with the hidden steps and where it left them. */
  readonly chain?: ChainAlignment;
};

function showStep(step: BuiltStep, value: Quantity): string {
  return formatQuantity(value, { unit: step.unit });
}

/**
 * The worked solution of a built exercise: each step's formula, the formula with the numbers put in (givens as
 * shown in the scenario with their unit, earlier steps as their reference answers) and the result.
 */
export function workExercise(built: BuiltExercise): WorkedStep[] {
  const shown = new Map<string, string>();
  const numbers = new Map<string, number>();
  const hasData = new Map<string, boolean>();
  for (const given of built.givens) {
    shown.set(given.name, given.workedDisplay);
    numbers.set(given.name, given.value);
    hasData.set(given.name, given.quantity.dim.data !== 0);
  }
  return built.steps.map((step) => {
    const asWritten = substituteFormula(step.formula, (name) => shown.get(name));
    const inStepUnit = step.expected.value / step.unitSpec.factor;
    const involvesData =
      step.expected.dim.data !== 0 || formulaNames(step.formula).some((name) => hasData.get(name) === true);
    // Every conversion the engine performs is written out, so the line shows the step a learner may have skipped:
    // a time literal in the unit that makes it visible, and any factor still hidden named at the end.
    const { literals, conversions } = hiddenConversions(
      step.formula,
      (name) => numbers.get(name),
      inStepUnit,
      involvesData,
      `${asWritten} ${step.unit}`,
    );
    const written = substituteFormula(
      step.formula,
      (name) => shown.get(name),
      (text) => literals.get(text),
    );
    const top = parseFormula(step.formula);
    const isSum = top.kind === "binary" && (top.op === "+" || top.op === "-");
    const substituted =
      conversions.length === 0 ? written : `${isSum ? `(${written})` : written}${showConversions(conversions)}`;
    const full = showStep(step, step.expected);
    const approximate =
      formatApproximate(step.expected, step.unitSpec) ?? inSmallerUnit(inStepUnit, step.unitSpec.text);
    shown.set(step.id, full);
    numbers.set(step.id, inStepUnit);
    hasData.set(step.id, step.expected.dim.data !== 0);
    return {
      id: step.id,
      prompt: step.prompt,
      formula: step.formula,
      substituted,
      result: approximate === null || approximate === full ? full : `${full} ≈ ${approximate}`,
      ...(step.explain === undefined ? {} : { explain: step.explain }),
    };
  });
}

/** A tiny result in a big data unit, also in the unit a person would say it in ("0.00555 TB/day" ≈ 5.55 GB/day). */
function inSmallerUnit(value: number, unit: string): string | null {
  const smaller = smallerDataUnit(value, unit);
  return smaller.unit === unit ? null : attachUnit(formatSignificant(smaller.value, 3), smaller.unit);
}

function stepGrade(step: BuiltStep, graded: GradeResult, followThrough: boolean, message = graded.message): StepGrade {
  const base = {
    id: step.id,
    score: graded.score,
    verdict: graded.verdict,
    read: graded.read,
    message,
    followThrough,
    expected: showStep(step, step.expected),
    expectedValue: step.expected.value / step.unitSpec.factor,
  };
  return graded.calibration === undefined ? base : { ...base, calibration: graded.calibration };
}

/** The step graded against its formula over the learner's own earlier answers, when that earns full credit. */
function followThrough(
  built: BuiltExercise,
  step: BuiltStep,
  typed: string,
  learnerScope: Readonly<Record<string, Quantity>>,
  usesOwn: readonly string[],
  own: ReadonlyMap<string, Quantity>,
): StepGrade | null {
  let theirs: Quantity;
  try {
    theirs = evaluate(step.formula, learnerScope);
  } catch (error) {
    // The learner's own numbers can make the formula meaningless (a division by their 0): no follow-through.
    if (error instanceof EngineError) return null;
    throw error;
  }
  const used = usesOwn
    .map((id) => {
      const earlier = built.steps.find((s) => s.id === id);
      const value = own.get(id);
      return earlier === undefined || value === undefined ? id : `${id} = ${showStep(earlier, value)}`;
    })
    .join(", ");
  return followedGrade(step, typed, theirs, `your own earlier answer (${used})`);
}

/** Full credit by follow-through when the answer matches `theirs`, the step's value from the learner's own basis. */
function followedGrade(step: BuiltStep, typed: string, theirs: Quantity, basis: string): StepGrade | null {
  if (!sameDimension(theirs.dim, step.expected.dim)) return null;
  const followed = gradeReading(readAnswer(typed, step.unitSpec), theirs, step.tolerance);
  if (followed.score < 1) return null;
  const message = `Right from ${basis}: full credit by follow-through. The reference answer is ${showStep(step, step.expected)}.`;
  const ratio = theirs.value / step.expected.value;
  if (ratio >= IMPLAUSIBLE_FACTOR || ratio <= 1 / IMPLAUSIBLE_FACTOR) {
    const times = ratio >= 1 ? `${formatApproximateRatio(ratio)}×` : `1/${formatApproximateRatio(1 / ratio)}`;
    return {
      ...stepGrade(
        step,
        followed,
        true,
        `${message} Consistent with ${basis}, but ${times} the reference: a number this far off should have raised a flag.`,
      ),
      implausible: true,
    };
  }
  return stepGrade(step, followed, true, message);
}

/** How far from the reference a followed-through number must be (either way) to be called out as implausible. */
const IMPLAUSIBLE_FACTOR = 100;

function formatApproximateRatio(ratio: number): string {
  return Number(ratio.toPrecision(2)).toLocaleString("en-US");
}

/**
 * Grades every step of a built exercise against what the learner typed (see `grade` for a single answer).
 *
 * Follow-through: when a step's formula uses earlier steps and the learner's answers to those differ from the
 * reference, the step is also graded against its formula evaluated over the learner's own earlier answers; if that
 * earns full credit where the reference does not, the step gets full credit with `followThrough: true` (one slip is
 * not punished three times). An earlier answer that could not be read, or was of the wrong dimension, counts as the
 * reference. An empty answer is `unreadable` ("No answer given for this step.") and the other steps are still graded.
 *
 * `score` is the mean of the step scores; `divergedAt` is the first step whose verdict is below `close`.
 */
export function gradeExercise(built: BuiltExercise, answers: StepAnswers): ExerciseGrade {
  // The givens and, for each step graded so far, the learner's own readable answer (else the reference).
  const learnerScope: Record<string, Quantity> = {};
  for (const given of built.givens) learnerScope[given.name] = given.quantity;
  const own = new Map<string, Quantity>();
  const steps = built.steps.map((step): StepGrade => {
    const typed: unknown = Object.prototype.hasOwnProperty.call(answers, step.id) ? answers[step.id] : undefined;
    // Answers arrive from request bodies: anything but a non-empty string is no answer.
    if (typeof typed !== "string" || typed.trim() === "") {
      learnerScope[step.id] = step.expected;
      return stepGrade(
        step,
        { score: 0, verdict: "unreadable", read: "", message: "No answer given for this step." },
        false,
      );
    }
    const reading = readAnswer(typed, step.unitSpec);
    let result = stepGrade(step, gradeReading(reading, step.expected, step.tolerance), false);
    const usesOwn = step.dependsOn.filter((id) => own.has(id));
    if (result.score < 1 && reading.kind === "ok" && usesOwn.length > 0 && step.tolerance.kind !== "range") {
      result = followThrough(built, step, typed, learnerScope, usesOwn, own) ?? result;
    }
    if (reading.kind === "ok" && reading.quantity.range === null && step.tolerance.kind !== "range") {
      own.set(step.id, reading.quantity);
      learnerScope[step.id] = reading.quantity;
    } else {
      learnerScope[step.id] = step.expected;
    }
    return result;
  });
  const total = steps.reduce((sum, step) => sum + step.score, 0);
  const diverged = steps.find((step) => step.verdict !== "exact" && step.verdict !== "close");
  return {
    score: steps.length === 0 ? 0 : total / steps.length,
    steps,
    worked: workExercise(built),
    divergedAt: diverged === undefined ? null : diverged.id,
  };
}

/**
 * Grades an exercise played open: the learner saw only the question and the givens, worked in the scratchpad
 * (`work`, its lines as typed) and answered the last step (`final`). The final answer is graded as in a stepped
 * exercise; when it misses the reference but matches the value the learner's own chain gives (their stated
 * assumptions and earlier lines, see traceChain), it earns full credit by follow-through. `chain` says where the
 * lines agreed with the hidden steps and where they left them; `steps` holds the final step's grade only.
 */
export function gradeOpenExercise(built: BuiltExercise, final: string, work: readonly string[]): ExerciseGrade {
  const last = built.steps.at(-1);
  if (last === undefined) throw new EngineError("invalid-argument", `The exercise “${built.id}” has no steps.`);
  const { alignment, followed } = traceChain(built, work);
  let result: StepGrade;
  if (final.trim() === "") {
    result = stepGrade(last, { score: 0, verdict: "unreadable", read: "", message: "No answer given." }, false);
  } else {
    const reading = readAnswer(final, last.unitSpec);
    result = stepGrade(last, gradeReading(reading, last.expected, last.tolerance), false);
    const theirs = followed.get(last.id);
    if (result.score < 1 && reading.kind === "ok" && theirs !== undefined && last.tolerance.kind !== "range") {
      result = followedGrade(last, final, theirs, "your own chain of lines") ?? result;
    }
  }
  return {
    score: result.score,
    steps: [result],
    worked: workExercise(built),
    divergedAt: result.verdict === "exact" || result.verdict === "close" ? null : last.id,
    chain: alignment,
  };
}
