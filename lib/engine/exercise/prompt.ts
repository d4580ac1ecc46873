import type { BuiltExercise } from "./build.ts";

/**
 * A given as a learner sees it: its name, label and value with unit ("50M" for daily users, "5 KB"), and the
 * same value as the scratchpad reads it ("50000000 users"), so a line may use the name.
 */
export type GivenPrompt = {
  readonly name: string;
  readonly label: string;
  readonly display: string;
  readonly expression: string;
};

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
  /**
   * Set when the exercise is played open: the question; `steps` then holds only the last step (the answer asked
   * for, its prompt replaced by the question), and the other steps stay on the server.
   */
  readonly question?: string;
};

/**
 * The prompt of a built exercise, safe to send to a browser: this variant's scenario, givens and questions, and
 * for each step its unit and whether it wants a number or a range. The key (formulas, tolerances, reference
 * answers) stays in the BuiltExercise on the server. Played open (an exercise with a question, or `open: true` for
 * a drill played without its steps), only the last step is sent, asked as the question.
 */
export function toPrompt(built: BuiltExercise, options: { open?: boolean } = {}): ExercisePrompt {
  const open = options.open ?? built.question !== undefined;
  const last = built.steps.at(-1);
  const question = open ? (built.question ?? last?.prompt) : undefined;
  const steps = open && last !== undefined ? [last] : built.steps;
  return {
    id: built.id,
    seed: built.seed,
    title: built.title,
    scenario: built.scenario,
    givens: built.givens.map((given) => ({
      name: given.name,
      label: given.label,
      display: given.display,
      expression: `${given.value} ${given.unit}`.trim(),
    })),
    steps: steps.map((step) => ({
      id: step.id,
      prompt: question ?? step.prompt,
      unit: step.unit,
      kind: step.tolerance.kind === "range" ? "range" : "number",
      ...(step.hint === undefined || question !== undefined ? {} : { hint: step.hint }),
    })),
    ...(question === undefined ? {} : { question }),
  };
}
