import type { BuiltExercise } from "./build.ts";

/** A given as a learner sees it: its name, label and value with unit ("50M" for daily users, "5 KB"). */
export type GivenPrompt = { readonly name: string; readonly label: string; readonly display: string };

/** A step as a learner sees it: the question and the unit to answer in; `range` steps want an 80 % range. */
export type StepPrompt = {
  readonly id: string;
  readonly prompt: string;
  readonly unit: string;
  readonly kind: "number" | "range";
  readonly hint?: string;
};

/** The part of an exercise a browser may see: no formulas, no reference answers, no tolerances. */
export type ExercisePrompt = {
  readonly id: string;
  readonly seed: number;
  readonly title: string;
  readonly scenario: string;
  readonly givens: readonly GivenPrompt[];
  readonly steps: readonly StepPrompt[];
};

/**
 * The prompt of a built exercise, safe to send to a browser: this variant's scenario, givens and questions, and
 * for each step its unit and whether it wants a number or a range. The key (formulas, tolerances, reference
 * answers) stays in the BuiltExercise on the server.
 */
export function toPrompt(built: BuiltExercise): ExercisePrompt {
  return {
    id: built.id,
    seed: built.seed,
    title: built.title,
    scenario: built.scenario,
    givens: built.givens.map((given) => ({ name: given.name, label: given.label, display: given.display })),
    steps: built.steps.map((step) => ({
      id: step.id,
      prompt: step.prompt,
      unit: step.unit,
      kind: step.tolerance.kind === "range" ? "range" : "number",
      ...(step.hint === undefined ? {} : { hint: step.hint }),
    })),
  };
}
