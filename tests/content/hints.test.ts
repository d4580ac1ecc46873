import { describe, expect, test } from "vitest";
import { getExercise, listDrills, listExercisesOfLesson, listLessons } from "@/lib/content";
import { buildExercise, parseQuantity } from "@/lib/engine";

const SEEDS = Array.from({ length: 25 }, (_, i) => i);

/** Every number written in a text, read by the engine in the step's unit (so "46k" is 46,000). */
function numbersIn(text: string, unit: string): number[] {
  const tokens = text.match(/\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K|M|bn|B|T)\b)?/g) ?? [];
  return tokens.flatMap((token) => {
    const read = parseQuantity(token, { expect: unit });
    return read.ok ? [read.quantity.value] : [];
  });
}

const exerciseIds = [
  ...listLessons().flatMap((lesson) => listExercisesOfLesson(lesson).map((entry) => entry.spec.id)),
  ...listDrills().map((drill) => drill.id),
];

test.each([
  { label: "a whiteboard number", text: "about 46k a second", unit: "requests/s", value: 46_000 },
  { label: "a plain number with commas", text: "a day has 86,400 s", unit: "", value: 86_400 },
])("the leak check reads $label in a hint", ({ text, unit, value }) => {
  expect(numbersIn(text, unit)).toContain(value);
});

describe("no hint gives its answer away", () => {
  test.each(exerciseIds)("%s", (id) => {
    const exercise = getExercise(id);
    if (!exercise) throw new Error(`no exercise ${id}`);
    const leaks: string[] = [];
    for (const seed of SEEDS) {
      for (const step of buildExercise(exercise.spec, seed).steps) {
        if (!step.hint) continue;
        const truth = step.expected.value;
        for (const value of numbersIn(step.hint, step.unit)) {
          if (truth !== 0 && Math.abs(value - truth) / Math.abs(truth) < 0.02)
            leaks.push(`seed ${seed}, ${step.id}: “${step.hint}”`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
