import { isDimensionless, sameDimension } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { evaluate } from "../evaluate.ts";
import { formatQuantity } from "../format-quantity.ts";
import { formulaNames } from "../formula/formula-names.ts";
import { gradeReading } from "../grading/grade.ts";
import { slipNote } from "../grading/slips.ts";
import type { Tolerance } from "../grading/types.ts";
import { formatSignificant } from "../number-format.ts";
import type { Quantity } from "../quantity.ts";
import { evaluateScratchpad, type ScratchLine } from "../scratchpad/evaluate-lines.ts";
import type { BuiltExercise, BuiltGiven, BuiltStep } from "./build.ts";

/** How one hidden step of the reference compares with the learner's lines. */
export type ChainStatus = "agrees" | "differs" | "missing";

/** One step of the reference chain, and the learner's line that agrees with it or left it. */
export type ChainStep = {
  readonly id: string;
  readonly prompt: string;
  /** The step's value from the learner's own assumptions and earlier lines (the reference when they agree). */
  readonly expected: string;
  readonly status: ChainStatus;
  /** The 1-based scratchpad line compared with this step, or null when no line has its dimension. */
  readonly line: number | null;
  /** That line's value as read. */
  readonly lineValue: string | null;
  /** True when the line agrees only through the learner's own earlier lines or stated assumptions. */
  readonly followThrough: boolean;
  readonly note: string;
};

/** A given the learner stated with another value: named as an assumption, and the chain is judged from it. */
export type ChainAssumption = {
  readonly line: number;
  readonly given: string;
  readonly stated: string;
  readonly reference: string;
};

/** Where the learner's chain agreed with the reference's hidden steps, and where it left them. */
export type ChainAlignment = {
  readonly steps: readonly ChainStep[];
  readonly assumptions: readonly ChainAssumption[];
  /** False when no line agrees with any step and no given was restated: the chain took another road entirely. */
  readonly related: boolean;
};

type ValueLine = Extract<ScratchLine, { kind: "value" }> & { readonly number: number };

// A stated number within this factor of a given of its dimension is read as that given, assumed differently.
const ASSUMPTION_FACTOR = 10;
// A line further than this from a step is not compared with it at all.
const UNRELATED_FACTOR = 1e4;

function within(value: Quantity, expected: Quantity, tolerance: Tolerance): boolean {
  return gradeReading({ kind: "ok", quantity: value, read: "" }, expected, tolerance).score >= 1;
}

function logDistance(a: number, b: number): number {
  return a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : Infinity;
}

function showStep(step: BuiltStep, value: Quantity): string {
  return formatQuantity(value, { unit: step.unit });
}

function showGiven(given: BuiltGiven, value: Quantity): string {
  return formatQuantity(value, { unit: given.unit });
}

function times(ratio: number): string {
  if (ratio >= 1) return `${Number(formatSignificant(ratio, 2).replace(/,/g, "")).toLocaleString("en-US")}×`;
  return `1/${Number(formatSignificant(1 / ratio, 2).replace(/,/g, "")).toLocaleString("en-US")}`;
}

function factor(value: number): string {
  return Number(value.toPrecision(3)).toLocaleString("en-US");
}

/** A step named by its question: the reference step “What rate does the busiest hour bring?”. */
function stepName(prompt: string): string {
  return `the reference step “${prompt}”`;
}

/** True when a line's name is the given's name or starts a word of its label ("peak" for "Peak factor"). */
function namesGiven(name: string | null, given: BuiltGiven): boolean {
  if (name === null) return false;
  const lower = name.toLowerCase();
  if (lower === given.name.toLowerCase()) return true;
  return (
    lower.length >= 3 &&
    given.label
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((word) => word.startsWith(lower))
  );
}

/**
 * The given a stated number most likely restates with another value, if any: a given it is named after, else, for a
 * number with a unit, the nearest given of its dimension within a factor of 10. A plain number must be named after
 * its given: "17" alone could be anything.
 */
function assumedGiven(line: ValueLine, givens: readonly BuiltGiven[], taken: ReadonlySet<string>): BuiltGiven | null {
  const sameDim = givens.filter((given) => sameDimension(given.quantity.dim, line.quantity.dim));
  const named = sameDim.find((given) => namesGiven(line.name, given));
  if (named) return taken.has(named.name) ? null : named;
  if (isDimensionless(line.quantity.dim)) return null;
  let best: BuiltGiven | null = null;
  for (const given of sameDim) {
    if (taken.has(given.name)) continue;
    const distance = logDistance(line.quantity.value, given.quantity.value);
    if (distance > Math.log(ASSUMPTION_FACTOR)) continue;
    if (best === null || distance < logDistance(line.quantity.value, best.quantity.value)) best = given;
  }
  return best;
}

/** The learner's explanation of a line that left a step: which earlier line it came from and by what factor. */
function factorNote(
  line: ValueLine,
  matched: ReadonlyMap<string, ValueLine>,
  step: BuiltStep,
  expected: Quantity,
): string {
  let used: readonly string[];
  try {
    used = formulaNames(line.expression);
  } catch (error) {
    if (error instanceof EngineError) return "";
    throw error;
  }
  for (const id of step.dependsOn) {
    const source = matched.get(id);
    if (source === undefined || source.name === null || !used.includes(source.name)) continue;
    if (!sameDimension(source.quantity.dim, line.quantity.dim) || source.quantity.value === 0) continue;
    const theirs = line.quantity.value / source.quantity.value;
    const reference = expected.value / source.quantity.value;
    if (!Number.isFinite(theirs) || !Number.isFinite(reference)) continue;
    const verb = theirs >= 1 ? "multiplied" : "divided";
    const shown = (x: number) => factor(x >= 1 ? x : 1 / x);
    if (theirs >= 1 === reference >= 1)
      return ` From line ${source.number} you ${verb} by ${shown(theirs)} where the reference ${verb === "multiplied" ? "multiplies" : "divides"} by ${shown(reference)}.`;
  }
  return "";
}

/** The alignment and, for each step, its value from the learner's chain (for follow-through on the final answer). */
export type ChainTrace = { readonly alignment: ChainAlignment; readonly followed: ReadonlyMap<string, Quantity> };

/**
 * Aligns a learner's scratchpad with the hidden steps of a built exercise, by dimension and value within each step's
 * tolerance. Lines are read with the exercise's givens in scope (see evaluateScratchpad). A number the learner
 * states that restates a given with another value (a 2 KB message where the reference says 1 KB) is an assumption,
 * not a mistake: every step is then judged from it. Each step is compared with the learner's own earlier lines
 * where they matched (follow-through), so one slip is named once: the line that left the chain, with the factor
 * it used where the reference used another.
 */
export function traceChain(built: BuiltExercise, work: readonly string[]): ChainTrace {
  const givenScope: Record<string, Quantity> = {};
  for (const given of built.givens) givenScope[given.name] = given.quantity;
  const values: ValueLine[] = evaluateScratchpad(work, givenScope).flatMap((line, index) =>
    line.kind === "value" && line.quantity.range === null && Number.isFinite(line.quantity.value)
      ? [{ ...line, number: index + 1 }]
      : [],
  );
  const gradable = built.steps.filter((step) => step.tolerance.kind !== "range");

  // Stated numbers that match no given and no step, near a given of their dimension: assumptions.
  const overrides = new Map<string, Quantity>();
  const assumptions: ChainAssumption[] = [];
  for (const line of values) {
    if (!line.literal) continue;
    const restatesGiven = built.givens.some(
      (given) =>
        sameDimension(given.quantity.dim, line.quantity.dim) &&
        logDistance(given.quantity.value, line.quantity.value) <= 0.005,
    );
    if (restatesGiven) continue;
    const isStep = gradable.some(
      (step) =>
        sameDimension(step.expected.dim, line.quantity.dim) && within(line.quantity, step.expected, step.tolerance),
    );
    if (isStep) continue;
    const given = assumedGiven(line, built.givens, new Set(overrides.keys()));
    if (given === null) continue;
    overrides.set(given.name, line.quantity);
    assumptions.push({
      line: line.number,
      given: given.label,
      stated: showGiven(given, line.quantity),
      reference: showGiven(given, given.quantity),
    });
  }

  const scope: Record<string, Quantity> = { ...givenScope, ...Object.fromEntries(overrides) };
  // The value of every step from the assumptions alone: a line that agrees with one step is never another's slip.
  const assumed = new Map<string, Quantity>();
  for (const step of gradable) {
    try {
      assumed.set(step.id, evaluate(step.formula, { ...scope, ...Object.fromEntries(assumed) }));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    }
  }
  const agreesWithSome = (line: ValueLine): boolean =>
    gradable.some((step) => {
      const value = assumed.get(step.id);
      return (
        value !== undefined &&
        sameDimension(value.dim, line.quantity.dim) &&
        within(line.quantity, value, step.tolerance)
      );
    });
  const matched = new Map<string, ValueLine>();
  const followed = new Map<string, Quantity>();
  const steps: ChainStep[] = [];
  for (const step of built.steps) {
    let expected: Quantity;
    try {
      expected = evaluate(step.formula, scope);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      expected = step.expected;
    }
    followed.set(step.id, expected);
    if (step.tolerance.kind === "range") {
      scope[step.id] = step.expected;
      continue;
    }
    const base = { id: step.id, prompt: step.prompt, expected: showStep(step, expected) };
    const what = stepName(step.prompt);
    const sameDim = values.filter((line) => sameDimension(line.quantity.dim, step.expected.dim));
    const agreeing = sameDim.find((line) => within(line.quantity, expected, step.tolerance));
    const inStepUnit = (line: ValueLine) => showStep(step, line.quantity);
    if (agreeing) {
      const followThrough = !within(agreeing.quantity, step.expected, step.tolerance);
      matched.set(step.id, agreeing);
      scope[step.id] = agreeing.quantity;
      steps.push({
        ...base,
        status: "agrees",
        line: agreeing.number,
        lineValue: inStepUnit(agreeing),
        followThrough,
        note: followThrough
          ? `Your line ${agreeing.number} (${inStepUnit(agreeing)}) matches ${what} from your own assumptions and earlier lines (the reference itself is ${showStep(step, step.expected)}).`
          : `Your line ${agreeing.number} (${inStepUnit(agreeing)}) matches ${what}.`,
      });
      continue;
    }
    // A line already given to an earlier step is that step's, not a wrong version of this one.
    const taken = new Set([...matched.values()].map((line) => line.number));
    let nearest: ValueLine | null = null;
    for (const line of sameDim) {
      if (taken.has(line.number) || agreesWithSome(line)) continue;
      const distance = logDistance(line.quantity.value, expected.value);
      if (distance > Math.log(UNRELATED_FACTOR)) continue;
      if (nearest === null || distance < logDistance(nearest.quantity.value, expected.value)) nearest = line;
    }
    if (nearest === null) {
      scope[step.id] = expected;
      steps.push({
        ...base,
        status: "missing",
        line: null,
        lineValue: null,
        followThrough: false,
        note: `No line of yours answers ${what} (${base.expected}).`,
      });
      continue;
    }
    matched.set(step.id, nearest);
    scope[step.id] = nearest.quantity;
    const ratio = nearest.quantity.value / expected.value;
    const slip = slipNote(ratio);
    steps.push({
      ...base,
      status: "differs",
      line: nearest.number,
      lineValue: inStepUnit(nearest),
      followThrough: false,
      note:
        `Your line ${nearest.number} (${inStepUnit(nearest)}) is ${times(ratio)} ${what} (${base.expected}).` +
        factorNote(nearest, matched, step, expected) +
        (slip === "" ? "" : ` ${slip}`),
    });
  }
  const related = assumptions.length > 0 || steps.some((step) => step.status === "agrees");
  return { alignment: { steps, assumptions, related }, followed };
}

/** The alignment of a learner's scratchpad with an exercise's hidden steps; see traceChain. */
export function alignChain(built: BuiltExercise, work: readonly string[]): ChainAlignment {
  return traceChain(built, work).alignment;
}
