import { describe, expect, test } from "vitest";
import { tickLabelWidth, yAxisWidth } from "@/components/charts/format";

// recharts right-aligns a y tick label 8 px left of the axis line; the label fits when the axis is at least its width + 8.
const fits = (label: string, width: number) => tickLabelWidth(label) + 8 <= width;

describe("yAxisWidth", () => {
  test.each([
    { label: "score axis, 0-100 %: the top tick 100%", max: 100, unit: "%", automatic: false, widest: "100%" },
    { label: "zero", max: 0, unit: "", automatic: false, widest: "0" },
    { label: "automatic domain: 95 s may get a 100s top tick", max: 95, unit: "s", automatic: true, widest: "100s" },
    {
      label: "automatic domain: counts up to 700 may get a 1000 tick",
      max: 700,
      unit: "",
      automatic: true,
      widest: "1000",
    },
    { label: "a four-digit count", max: 1200, unit: "", automatic: true, widest: "1800" },
  ])("$label leaves room for $widest", ({ max, unit, automatic, widest }) => {
    expect(fits(widest, yAxisWidth(max, unit, automatic))).toBe(true);
  });

  test.each([
    { label: "the old score axis (36 px) was too narrow for 100%", width: 36, widest: "100%", expected: false },
    { label: "the old day-bars axis (32 px) was too narrow for 1000", width: 32, widest: "1000", expected: false },
  ])("$label", ({ width, widest, expected }) => {
    expect(fits(widest, width)).toBe(expected);
  });

  test("wider labels need wider axes", () => {
    expect(yAxisWidth(1000, "%")).toBeGreaterThan(yAxisWidth(100, "%"));
    expect(yAxisWidth(100, "%")).toBeGreaterThan(yAxisWidth(100, ""));
  });
});
