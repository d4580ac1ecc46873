import { expect, test } from "vitest";
import { getDrill } from "@/lib/content";
import { buildExercise, gradeExercise } from "@/lib/engine";

// Lesson 3's peak-factor table gives 20-50× for flash sales and 100× for the biggest events: a range taken from it
// must hold the drill's reference at every seed.
test.each([
  { label: "the flash-sale row, 20-50×", range: "20-50" },
  { label: "flash sale to breaking news, 50-100×", range: "50-100" },
  { label: "the whole event span, 20-100×", range: "20 to 100" },
])("the ticket on-sale drill accepts $label", ({ range }) => {
  const drill = getDrill("drill-calibrate-ticket-onsale-peak");
  if (!drill) throw new Error("no ticket on-sale drill");
  for (const seed of [0, 1, 2, 17, 999]) {
    const built = buildExercise(drill.exercise, seed);
    const step = built.steps.find((s) => s.id === "onSale");
    const grade = gradeExercise(built, { avg: String(built.steps[0]?.expected.value ?? 0), onSale: range });
    expect(step?.tolerance.kind).toBe("range");
    expect(grade.steps.find((s) => s.id === "onSale")?.calibration?.held).toBe(true);
  }
});
