import { expect, test } from "vitest";
import { budgetByDay, burnRate, errorBudget, hoursToExhaust } from "@/lib/widgets/client";

test("99.9 % over 28 days allows 40.32 minutes", () => {
  const budget = errorBudget(0.999, 28, [{ day: 3, minutes: 20 }]);
  expect(budget.windowMinutes).toBe(40_320);
  expect(budget.budgetMinutes).toBeCloseTo(40.32);
  expect(budget.burnedShare).toBeCloseTo(20 / 40.32);
  expect(budget.remainingMinutes).toBeCloseTo(20.32);
});

test("burn rate is the error rate over the allowed error rate", () => {
  expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4);
  expect(burnRate(0.001, 0.999)).toBeCloseTo(1);
  // 14.4× spends a 30-day budget in about 50 hours: 2 % of it each hour.
  expect(hoursToExhaust(14.4, 30)).toBeCloseTo(50);
  expect(hoursToExhaust(0, 30)).toBe(Infinity);
});

test("the remaining budget falls on the days of the incidents", () => {
  const days = budgetByDay(0.999, 28, [
    { day: 2, minutes: 10.08 },
    { day: 10, minutes: 40.32 },
  ]);
  expect(days).toHaveLength(28);
  expect(days[1]!.remainingShare).toBe(1);
  expect(days[2]!.remainingShare).toBeCloseTo(0.75);
  expect(days[10]!.remainingShare).toBeCloseTo(-0.25);
});

test("impossible targets are refused", () => {
  expect(() => errorBudget(1, 28, [])).toThrow(/strictly between/);
  expect(() => burnRate(2, 0.99)).toThrow(/0 to 100/);
});
