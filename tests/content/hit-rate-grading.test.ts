import { expect, test } from "vitest";
import { listCaseEntries, listDrills, listExercisesOfLesson, listLessons } from "@/lib/content";
import { buildExercise, gradeExercise, type ExerciseSpec } from "@/lib/engine";

// A hit rate near 100 % is graded through its miss rate (content/README.md, "An exercise"), so 99.5 % does not pass
// for 99.875 %: every step that asks for a hit rate carries a complement ratio tolerance.
const ASKS_FOR_HIT_RATE = /hit rate|does the (?:page )?cache answer/i;

const specs: ExerciseSpec[] = [
  ...listLessons().flatMap((lesson) => listExercisesOfLesson(lesson).map((entry) => entry.spec)),
  ...listDrills().map((drill) => drill.exercise),
  ...listCaseEntries().flatMap((entry) => entry.exercises.map((exercise) => exercise.spec)),
];

const hitRateSteps = specs.flatMap((spec) =>
  spec.steps
    .filter((step) => step.unit === "%" && ASKS_FOR_HIT_RATE.test(step.prompt))
    .map((step) => ({ label: `${spec.id} / ${step.id}`, spec, step })),
);

test("the course has hit-rate steps to check", () => {
  expect(hitRateSteps.length).toBeGreaterThanOrEqual(5);
});

test.each(hitRateSteps)("$label is graded on its complement", ({ step }) => {
  expect(step.tolerance).toMatchObject({ kind: "ratio", complement: true });
});

test("the caching lesson's hit-rate step gives 99 % no credit where 99.75 % is needed (four times the misses)", () => {
  const spec = specs.find((s) => s.id === "cache-hit-rate-for-db-budget");
  if (!spec) throw new Error("no cache-hit-rate-for-db-budget exercise");
  const built = buildExercise(
    { ...spec, givens: spec.givens.map((g) => (g.name === "reads" ? { ...g, value: 800000 } : g)) },
    0,
  );
  const hitMin = built.steps.find((s) => s.id === "hitMin");
  expect(hitMin?.expected.value).toBeCloseTo(0.9975, 9);
  const grade = gradeExercise(built, { dbBudget: "2000", missMax: "0.25", hitMin: "99" });
  expect(grade.steps.find((s) => s.id === "hitMin")?.score).toBe(0);
});
