import { EngineError } from "../engine-error.ts";
import { DEFAULT_TOLERANCE } from "../grading/types.ts";
import { checkTolerance } from "../grading/grade.ts";
import type { Quantity } from "../quantity.ts";
import { parseUnit } from "../units/parse-unit.ts";
import { buildExercise, buildGiven, checkFormulaNames, evaluateStep } from "./build.ts";
import { type ExerciseSpec, exerciseSpecShapeSchema } from "./spec.ts";
import { ceilSignificant } from "./vary.ts";

/** One problem in an exercise spec, with the path to the field (for content:check's file and line). */
export type SpecIssue = { readonly path: (string | number)[]; readonly message: string };

function messageOf(error: unknown): string {
  if (error instanceof EngineError) return error.message;
  throw error;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

// Drawn variants checked besides the lesson's own numbers: enough to catch a range that divides by zero or
// overflows, cheap enough to run on every content file.
const CHECKED_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Everything about an exercise spec that its shape cannot say: unique names, units that parse, sensible `vary`
 * ranges, known placeholders, formulas that use only givens, earlier steps and units, and that evaluate to the
 * step's dimension for the lesson's values and for a few drawn variants.
 */
export function validateSpec(spec: ExerciseSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const givenNames = new Set<string>();
  const scope: Record<string, Quantity> = {};
  const known = new Set<string>();

  spec.givens.forEach((given, index) => {
    const path = ["givens", index];
    if (givenNames.has(given.name))
      issues.push({ path: [...path, "name"], message: `The given “${given.name}” is declared twice.` });
    givenNames.add(given.name);
    try {
      const built = buildGiven(given, given.value);
      scope[given.name] = built.quantity;
      known.add(given.name);
    } catch (error) {
      issues.push({ path: [...path, "unit"], message: messageOf(error) });
    }
    const vary = given.vary;
    if (vary === undefined) return;
    const varyPath = [...path, "vary"];
    if (!(vary.min < vary.max))
      issues.push({ path: varyPath, message: `vary needs min < max (${vary.min}, ${vary.max}).` });
    if (given.value < vary.min || given.value > vary.max) {
      issues.push({
        path: varyPath,
        message: `The lesson's value ${given.value} lies outside vary [${vary.min}, ${vary.max}].`,
      });
    }
    if (vary.scale === "log" && !(vary.min > 0)) {
      issues.push({
        path: varyPath,
        message: `A log-scale range needs min > 0; use "scale": "linear" for ${vary.min}.`,
      });
    } else if (vary.min < vary.max && ceilSignificant(vary.min, vary.sig) > vary.max) {
      issues.push({
        path: varyPath,
        message: `No number with ${vary.sig} significant figure(s) lies in [${vary.min}, ${vary.max}].`,
      });
    }
  });

  const checkPlaceholders = (text: string, path: (string | number)[]): void => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? "";
      if (!givenNames.has(name)) issues.push({ path, message: `The placeholder {${name}} is not a given.` });
    }
  };
  checkPlaceholders(spec.scenario, ["scenario"]);
  if (spec.open) checkPlaceholders(spec.open.question, ["open", "question"]);

  const stepIds = new Set<string>();
  spec.steps.forEach((step, index) => {
    const path = ["steps", index];
    if (stepIds.has(step.id))
      issues.push({ path: [...path, "id"], message: `The step “${step.id}” is declared twice.` });
    stepIds.add(step.id);
    checkPlaceholders(step.prompt, [...path, "prompt"]);
    try {
      checkTolerance(step.tolerance ?? DEFAULT_TOLERANCE);
    } catch (error) {
      issues.push({ path: [...path, "tolerance"], message: messageOf(error) });
    }
    let ok = true;
    try {
      const unit = parseUnit(step.unit);
      try {
        checkFormulaNames(step.formula, known);
        scope[step.id] = evaluateStep(step.formula, unit, scope);
      } catch (error) {
        ok = false;
        issues.push({ path: [...path, "formula"], message: messageOf(error) });
      }
    } catch (error) {
      ok = false;
      issues.push({ path: [...path, "unit"], message: messageOf(error) });
    }
    // A later step may still use this id; it simply is not checked further when this one failed.
    if (ok) known.add(step.id);
  });

  if (issues.length === 0) {
    for (const seed of CHECKED_SEEDS) {
      try {
        buildExercise(spec, seed);
      } catch (error) {
        issues.push({ path: ["givens"], message: `With drawn values (seed ${seed}): ${messageOf(error)}` });
        break;
      }
    }
  }
  return issues;
}

/**
 * An exercise as content declares it (content/README.md, "An exercise"). Besides the shape, it checks that given
 * names and step ids are unique, every unit parses, `vary` ranges hold the lesson's value and a round number,
 * `{name}` placeholders name givens, and every formula evaluates (only givens, earlier steps and units; a result of
 * the step's dimension) for the lesson's values and a few drawn variants.
 * @see validateSpec for the checks beyond the shape.
 * @example exerciseSpecSchema.safeParse(JSON.parse(text)) // { success: false, error } names the field at fault
 */
export const exerciseSpecSchema = exerciseSpecShapeSchema.superRefine((spec, ctx) => {
  for (const issue of validateSpec(spec)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
});
