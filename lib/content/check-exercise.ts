import "server-only";
import fs from "node:fs";
import { EngineError, buildExercise, convert, gradeExercise, toPrompt, type BuiltExercise } from "@/lib/engine";
import type { ExerciseEntry } from "./exercises";
import { displayPath } from "./files";
import { lineOfValue } from "./json-file";
import type { ContentProblem } from "./problems";

/** How many seeds content:check builds each exercise and drill for. */
export const SEEDS_CHECKED = 100;

/**
 * A step rounded up with ceil(…) asks for a whole number of things (servers, shards, copies, partitions): a
 * truncated answer is a real mistake, not an estimate, so such a step must be graded exactly.
 */
const ROUNDED_UP = /\bceil\s*\(/;

/** Build an exercise for every checked seed; returns how many variants were built. */
export function checkExercise(entry: ExerciseEntry, problems: ContentProblem[]): number {
  const file = displayPath(entry.file);
  const line = lineOfValue(fs.readFileSync(entry.file, "utf8"), "id", entry.spec.id);
  let built = 0;
  for (const step of entry.spec.steps) {
    if (ROUNDED_UP.test(step.formula) && step.tolerance?.kind !== "exact") {
      problems.push({
        file,
        line,
        message: `exercise "${entry.spec.id}" step "${step.id}": its formula rounds up with ceil(…), so it is graded exactly (16 for 17 servers is wrong); add "tolerance": { "kind": "exact" }`,
      });
    }
  }
  for (let seed = 0; seed < SEEDS_CHECKED; seed++) {
    let exercise: BuiltExercise;
    try {
      exercise = buildExercise(entry.spec, seed);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      problems.push({ file, line, message: `exercise "${entry.spec.id}" seed ${seed}: ${error.message}` });
      return built;
    }
    built++;
    const answers = Object.fromEntries(exercise.steps.map((step) => [step.id, referenceAnswer(exercise, step.id)]));
    const grade = gradeExercise(exercise, answers);
    const missed = grade.steps.find((step) => step.score < 1);
    if (missed) {
      problems.push({
        file,
        line,
        message: `exercise "${entry.spec.id}" seed ${seed}: the reference answer to step "${missed.id}" (${missed.expected}) scores ${missed.score.toFixed(2)}: ${missed.message}`,
      });
      return built;
    }
    const prompt = toPrompt(exercise);
    const shown = [prompt.scenario, ...prompt.steps.map((step) => step.prompt)].join("\n");
    const leak = exercise.steps.find((step) => /[-+*/^(]/.test(step.formula) && shown.includes(step.formula));
    if (leak) {
      problems.push({
        file,
        line,
        message: `exercise "${entry.spec.id}": the prompt shows the formula of step "${leak.id}"`,
      });
      return built;
    }
  }
  return built;
}

/** What a learner who got every step right would type: the reference value in the step's unit (a range around it). */
function referenceAnswer(exercise: BuiltExercise, stepId: string): string {
  const step = exercise.steps.find((s) => s.id === stepId);
  if (!step) return "";
  const value = convert(step.expected, step.unit || "");
  const text = step.tolerance.kind === "range" ? `${value * 0.8} to ${value * 1.25}` : String(value);
  return step.unit ? `${text} ${step.unit}` : text;
}
