import { describe, expect, test } from "vitest";
import { drillsForDay, rankDrills, skillShare, type PlanDrill, type SkillResult } from "@/lib/plan";

const drills: PlanDrill[] = [
  { id: "d-qps", skill: "peak QPS" },
  { id: "d-qps-range", skill: "peak QPS" },
  { id: "d-storage", skill: "storage" },
  { id: "d-servers", skill: "server count" },
  { id: "d-cache", skill: "cache latency", minutes: 5 },
];

const result = (skill: string, answered: number, closeOrBetter: number, lastMissDay: string | null): SkillResult => ({
  skill,
  answered,
  closeOrBetter,
  lastMissDay,
});

describe("skillShare", () => {
  test.each([
    { label: "four of ten close or better", r: result("a", 10, 4, "2026-05-01"), expected: 0.4 },
    { label: "all of them", r: result("a", 3, 3, null), expected: 1 },
    { label: "none of them", r: result("a", 2, 0, "2026-05-01"), expected: 0 },
    { label: "never answered counts as not weak", r: result("a", 0, 0, null), expected: 1 },
  ])("$label → $expected", ({ r, expected }) => {
    expect(skillShare(r)).toBeCloseTo(expected, 9);
  });
});

describe("rankDrills: weakest skill first, recent misses first", () => {
  test("by share, then by the latest miss, then by name; one drill per skill", () => {
    const ranked = rankDrills(drills, [
      result("server count", 6, 6, null),
      result("peak QPS", 10, 4, "2026-05-02"),
      result("storage", 5, 2, "2026-05-03"),
      result("cache latency", 4, 3, "2026-04-20"),
      result("a skill without a drill", 9, 0, "2026-05-03"),
    ]);
    expect(ranked.map((d) => d.id)).toEqual(["d-storage", "d-qps", "d-cache", "d-servers"]);
  });

  test("a new learner (no results): the catalogue's skills in order", () => {
    expect(rankDrills(drills, []).map((d) => d.id)).toEqual(["d-qps", "d-storage", "d-servers", "d-cache"]);
  });

  test("no drills: nothing to rank", () => {
    expect(rankDrills([], [result("storage", 5, 2, "2026-05-03")])).toEqual([]);
  });
});

describe("drillsForDay: today the weakest, later days the next in turn", () => {
  const ranked = rankDrills(drills, []);
  test.each([
    { label: "today, three", day: 0, count: 3, expected: ["d-qps", "d-storage", "d-servers"] },
    { label: "tomorrow, three (wraps around)", day: 1, count: 3, expected: ["d-cache", "d-qps", "d-storage"] },
    { label: "today, two", day: 0, count: 2, expected: ["d-qps", "d-storage"] },
    { label: "more asked than there are", day: 0, count: 9, expected: ["d-qps", "d-storage", "d-servers", "d-cache"] },
  ])("$label", ({ day, count, expected }) => {
    expect(drillsForDay(ranked, day, count).map((d) => d.id)).toEqual(expected);
  });

  test("no drills at all", () => {
    expect(drillsForDay([], 0, 3)).toEqual([]);
  });
});
