import { describe, expect, test } from "vitest";
import { accuracyByWeek, currentStreak, dueForecast, median, reviewHeatmap, speedByWeek, weekOf } from "@/lib/srs";

const utc = { timeZone: "UTC", dayStartHour: 4 };
const at = (iso: string) => new Date(iso);

describe("reviewHeatmap", () => {
  test("counts reviews per learner day over the window, zeros included", () => {
    const series = reviewHeatmap(
      [at("2026-05-09T10:00:00Z"), at("2026-05-10T02:00:00Z"), at("2026-05-10T12:00:00Z")],
      "2026-05-10",
      utc,
      3,
    );
    expect(series).toEqual([
      { day: "2026-05-08", count: 0 },
      { day: "2026-05-09", count: 2 }, // 02:00 on the 10th is before the 4 am boundary
      { day: "2026-05-10", count: 1 },
    ]);
  });

  test("a full year has 365 days", () => {
    expect(reviewHeatmap([], "2026-05-10", utc)).toHaveLength(365);
  });
});

describe("currentStreak", () => {
  const review = (reviewedAt: string, dueBefore = reviewedAt) => ({
    reviewedAt: at(reviewedAt),
    dueBefore: at(dueBefore),
  });
  test.each([
    { label: "no reviews ever", reviews: [], overdue: [], expected: 0 },
    {
      label: "three days in a row up to today",
      reviews: [review("2026-05-08T10:00:00Z"), review("2026-05-09T10:00:00Z"), review("2026-05-10T10:00:00Z")],
      overdue: [],
      expected: 3,
    },
    {
      label: "today not reviewed yet does not break it",
      reviews: [review("2026-05-08T10:00:00Z"), review("2026-05-09T10:00:00Z")],
      overdue: [at("2026-05-10T05:00:00Z")],
      expected: 2,
    },
    {
      label: "a day with nothing due neither counts nor breaks it",
      reviews: [
        review("2026-05-07T10:00:00Z"),
        review("2026-05-09T10:00:00Z", "2026-05-09T06:00:00Z"),
        review("2026-05-10T10:00:00Z"),
      ],
      overdue: [],
      expected: 3,
    },
    {
      label: "a day with a card waiting and no review breaks it",
      reviews: [
        review("2026-05-07T10:00:00Z"),
        review("2026-05-09T10:00:00Z", "2026-05-08T06:00:00Z"),
        review("2026-05-10T10:00:00Z"),
      ],
      overdue: [],
      expected: 2,
    },
    {
      label: "a card overdue since yesterday with no review yesterday breaks it",
      reviews: [review("2026-05-08T10:00:00Z")],
      overdue: [at("2026-05-09T05:00:00Z")],
      expected: 0,
    },
  ])("$label → $expected", ({ reviews, overdue, expected }) => {
    expect(currentStreak(reviews, overdue, "2026-05-10", utc)).toBe(expected);
  });
});

describe("dueForecast", () => {
  test("counts overdue cards today and the rest on their day; beyond the window is left out", () => {
    const series = dueForecast(
      [at("2026-05-01T10:00:00Z"), at("2026-05-10T23:00:00Z"), at("2026-05-12T10:00:00Z"), at("2026-07-01T10:00:00Z")],
      "2026-05-10",
      utc,
      3,
    );
    expect(series).toEqual([
      { day: "2026-05-10", count: 2 },
      { day: "2026-05-11", count: 0 },
      { day: "2026-05-12", count: 1 },
    ]);
  });
});

describe("weekly accuracy and speed", () => {
  test("weekOf gives the Monday", () => {
    expect(weekOf("2026-05-10")).toBe("2026-05-04"); // a Sunday
    expect(weekOf("2026-05-11")).toBe("2026-05-11"); // a Monday
  });

  test("accuracy is the share of steps at close or better, per week", () => {
    const steps = [
      { at: at("2026-05-05T10:00:00Z"), verdict: "exact" },
      { at: at("2026-05-06T10:00:00Z"), verdict: "close" },
      { at: at("2026-05-07T10:00:00Z"), verdict: "off" },
      { at: at("2026-05-08T10:00:00Z"), verdict: "order-of-magnitude" },
      { at: at("2026-05-12T10:00:00Z"), verdict: "exact" },
    ];
    expect(accuracyByWeek(steps, utc)).toEqual([
      { week: "2026-05-04", share: 0.5, steps: 4 },
      { week: "2026-05-11", share: 1, steps: 1 },
    ]);
  });

  test.each([
    { label: "odd count", values: [5, 1, 3], expected: 3 },
    { label: "even count", values: [4, 1, 3, 2], expected: 2.5 },
    { label: "one value", values: [7], expected: 7 },
  ])("median, $label", ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  test("speed is the median run time per week, in seconds", () => {
    const runs = [
      { at: at("2026-05-05T10:00:00Z"), elapsedMs: 60_000 },
      { at: at("2026-05-06T10:00:00Z"), elapsedMs: 120_000 },
      { at: at("2026-05-07T10:00:00Z"), elapsedMs: 90_000 },
    ];
    expect(speedByWeek(runs, utc)).toEqual([{ week: "2026-05-04", medianSeconds: 90, runs: 3 }]);
  });
});
