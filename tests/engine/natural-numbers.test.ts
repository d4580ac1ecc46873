import { describe, expect, test } from "vitest";
import { buildExercise, exerciseSpecSchema, workExercise, type ExerciseSpecInput } from "@/lib/engine";

const RETENTION: ExerciseSpecInput = {
  id: "natural-retention",
  title: "Retention",
  scenario: "Events of {size} arrive at {rate}; they are kept for {days} and the replay window is {window}.",
  givens: [
    {
      name: "size",
      label: "Event size",
      value: 0.5,
      unit: "KB",
      vary: { min: 0.1, max: 0.9, scale: "linear", sig: 2 },
    },
    { name: "rate", label: "Events per second", value: 10, unit: "requests/s", vary: { min: 1, max: 100 } },
    { name: "days", label: "Retention", value: 3, unit: "days", vary: { min: 1, max: 9, scale: "linear", sig: 2 } },
    {
      name: "window",
      label: "Replay window",
      value: 5,
      unit: "min",
      vary: { min: 1, max: 9, scale: "linear", sig: 2 },
    },
  ],
  steps: [{ id: "perDay", prompt: "Storage per day?", formula: "rate * size", unit: "TB/day" }],
};

const spec = exerciseSpecSchema.parse(RETENTION);
const variants = Array.from({ length: 60 }, (_, seed) => buildExercise(spec, seed));

describe("generated numbers read as a person would write them", () => {
  test("a size below 1 KB is shown in bytes, never as 0.x KB", () => {
    for (const built of variants) {
      const size = built.givens.find((given) => given.name === "size");
      expect(size?.display).toMatch(/^\d+ B$/);
    }
    expect(variants[0]?.givens[0]?.display).toBe("500 B");
  });

  test.each(["days", "window"])("%s is a whole number at every seed", (name) => {
    for (const built of variants) {
      const given = built.givens.find((g) => g.name === name);
      expect(Number.isInteger(given?.value)).toBe(true);
    }
  });

  test("a tiny result in TB/day is also given in GB/day", () => {
    const worked = workExercise(variants[0]!);
    // 10 requests/s × 500 B × 86,400 s/day = 0.432 GB/day
    expect(worked[0]?.result).toBe("0.000432 TB/day ≈ 432 MB/day");
  });
});
