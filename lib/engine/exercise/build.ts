import { describeDimension, sameDimension } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { evaluate } from "../evaluate.ts";
import { attachUnit } from "../format-quantity.ts";
import { formulaNames } from "../formula/formula-names.ts";
import { DEFAULT_TOLERANCE, type Tolerance } from "../grading/types.ts";
import { checkTolerance } from "../grading/grade.ts";
import { formatCompact, formatRead } from "../number-format.ts";
import { makeQuantity, type Quantity } from "../quantity.ts";
import { parseUnit } from "../units/parse-unit.ts";
import type { Unit } from "../units/unit.ts";
import { lookupUnit } from "../units/unit-table.ts";
import { hashString, mulberry32 } from "./prng.ts";
import type { ExerciseSpec, GivenSpec } from "./spec.ts";
import { smallerDataUnit, wholeForUnit } from "./natural-units.ts";
import { pickValue } from "./vary.ts";

/** A given as this variant has it: the value in its unit, as a quantity, and as shown in prose and in workings. */
export type BuiltGiven = {
  readonly name: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly quantity: Quantity;
  /** For the scenario and the givens table: "50M" for 50,000,000 users (the prose names the users), "5 KB". */
  readonly display: string;
  /** For worked solutions: with the unit, "50M users". */
  readonly workedDisplay: string;
};

/** A step with its key: the formula, tolerance and reference answer. Server-side only. */
export type BuiltStep = {
  readonly id: string;
  readonly prompt: string;
  readonly unit: string;
  /** `unit` as read, once per variant, for reading answers and showing the reference in the step's unit. */
  readonly unitSpec: Unit;
  readonly formula: string;
  readonly tolerance: Tolerance;
  readonly expected: Quantity;
  /** The ids of earlier steps the formula uses (for follow-through). */
  readonly dependsOn: readonly string[];
  readonly hint?: string;
  readonly explain?: string;
};

/**
 * One variant of an exercise with its key (formulas, tolerances, reference answers): plain data for the server.
 * Send only {@link toPrompt}'s result to a browser.
 */
export type BuiltExercise = {
  readonly id: string;
  readonly seed: number;
  readonly title: string;
  readonly scenario: string;
  readonly givens: readonly BuiltGiven[];
  readonly steps: readonly BuiltStep[];
  /** Set when the exercise is played open: the question asked, its placeholders filled; the steps stay hidden. */
  readonly question?: string;
};

/** A value in a unit, exactly as chosen (up to six significant figures), with M/bn/T from a million up. */
function givenNumber(value: number): string {
  return formatCompact(value, formatRead, 1e6);
}

/** True when a unit is only a count label ("users"): prose names the thing itself ("{dau} daily users"). */
function isLabelOnly(spec: Unit): boolean {
  return spec.label !== "" && spec.compactText === "";
}

export function buildGiven(given: GivenSpec, value: number): BuiltGiven {
  const spec = parseUnit(given.unit);
  // Shown as a person would write it (520 B, not 0.52 KB); `value` stays in the author's unit.
  const shown = smallerDataUnit(value, spec.text);
  const number = givenNumber(shown.value);
  return {
    name: given.name,
    label: given.label,
    value,
    unit: given.unit,
    quantity: makeQuantity(value * spec.factor, spec.dim, spec.label),
    display: isLabelOnly(spec) ? number : attachUnit(number, shown.unit),
    workedDisplay: attachUnit(number, shown.unit),
  };
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces `{name}` with the given's display; an unknown name is an author mistake. */
export function fillPlaceholders(text: string, displays: ReadonlyMap<string, string>, where: string): string {
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const display = displays.get(name);
    if (display === undefined) {
      throw new EngineError("invalid-spec", `${where} has the placeholder ${match}, which is not a given.`);
    }
    return display;
  });
}

function stepError(specId: string, stepId: string, error: unknown): unknown {
  if (error instanceof EngineError) {
    return new EngineError(error.code, `Exercise “${specId}”, step “${stepId}”: ${error.message}`, error.position);
  }
  return error;
}

/**
 * Checks a formula names only givens, earlier steps and units of measure. A count label written alone ("action")
 * would otherwise quietly evaluate as 1.
 */
export function checkFormulaNames(formula: string, known: ReadonlySet<string>): void {
  for (const name of formulaNames(formula)) {
    if (known.has(name)) continue;
    const unit = lookupUnit(name);
    if (unit !== undefined && unit.label === "") continue;
    const list = [...known].join(", ");
    throw new EngineError(
      "unknown-name",
      `The formula “${formula}” uses “${name}”, which is not a given or an earlier step${list === "" ? "" : ` (known: ${list})`}.`,
    );
  }
}

/** Evaluates one step in a scope of givens and earlier steps and checks the result's dimension. */
export function evaluateStep(formula: string, unit: Unit, scope: Readonly<Record<string, Quantity>>): Quantity {
  const result = evaluate(formula, scope);
  if (!sameDimension(result.dim, unit.dim)) {
    throw new EngineError(
      "dimension-mismatch",
      `The formula “${formula}” gives ${describeDimension(result.dim).phrase}, but the step is answered in “${unit.text}” (${describeDimension(unit.dim).phrase}).`,
    );
  }
  return result;
}

/**
 * One variant of an exercise. Seed 0 is the lesson's own numbers (each given's `value`); any other seed
 * (a 32-bit unsigned integer) draws every given that has `vary` from its range with mulberry32 seeded by
 * seed ⊕ FNV-1a(exercise id), rounded to one or two significant figures and kept inside [min, max]. The same
 * spec and seed give the same variant everywhere. Each step's reference answer is its formula evaluated over the
 * givens and the earlier steps' reference answers (a step id shadows a given of the same name for later steps).
 * @throws EngineError for a seed that is not a 32-bit unsigned integer, and for author mistakes: a unit or
 * formula that does not parse or evaluate, a result of the wrong dimension, an unknown placeholder.
 * @example toPrompt(buildExercise(spec, 0)).scenario // "A photo app has 50M daily users, …"
 */
export function buildExercise(spec: ExerciseSpec, seed: number): BuiltExercise {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new EngineError("invalid-argument", `A seed is an integer from 0 to 4,294,967,295, not ${seed}.`);
  }
  const random = mulberry32((seed ^ hashString(spec.id)) >>> 0);
  const givens = spec.givens.map((given) => {
    if (given.vary === undefined) return buildGiven(given, given.value);
    const u = random();
    return buildGiven(
      given,
      seed === 0 ? given.value : wholeForUnit(pickValue(given.vary, u), given.unit, given.vary.min, given.vary.max),
    );
  });
  const displays = new Map(givens.map((given) => [given.name, given.display]));
  const scope: Record<string, Quantity> = {};
  const known = new Set<string>();
  for (const given of givens) {
    scope[given.name] = given.quantity;
    known.add(given.name);
  }
  const stepIds = new Set<string>();
  const steps = spec.steps.map((step): BuiltStep => {
    let expected: Quantity;
    let unitSpec: Unit;
    const tolerance = step.tolerance ?? DEFAULT_TOLERANCE;
    try {
      unitSpec = parseUnit(step.unit);
      checkTolerance(tolerance);
      checkFormulaNames(step.formula, known);
      expected = evaluateStep(step.formula, unitSpec, scope);
    } catch (error) {
      throw stepError(spec.id, step.id, error);
    }
    const dependsOn = formulaNames(step.formula).filter((name) => stepIds.has(name));
    scope[step.id] = expected;
    known.add(step.id);
    stepIds.add(step.id);
    return {
      id: step.id,
      prompt: fillPlaceholders(step.prompt, displays, `The prompt of step “${step.id}”`),
      unit: step.unit,
      unitSpec,
      formula: step.formula,
      tolerance,
      expected,
      dependsOn,
      ...(step.hint === undefined ? {} : { hint: step.hint }),
      ...(step.explain === undefined ? {} : { explain: step.explain }),
    };
  });
  return {
    id: spec.id,
    seed,
    title: spec.title,
    scenario: fillPlaceholders(spec.scenario, displays, "The scenario"),
    givens,
    steps,
    ...(spec.open ? { question: fillPlaceholders(spec.open.question, displays, "The question") } : {}),
  };
}
