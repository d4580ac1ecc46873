import { describe, expect, test } from "vitest";
import { skillResults } from "@/lib/plan";

const skills: Record<string, string> = { "dr-01": "peak QPS", "ex-qps": "peak QPS", "dr-03": "storage" };
const skillOf = (id: string) => skills[id] ?? null;

describe("skillResults: per skill, answered, close or better, latest miss", () => {
  test("a lesson exercise and a drill of one skill add up; misses keep the latest day", () => {
    expect(
      skillResults(
        [
          { exerciseId: "dr-01", verdict: "off", day: "2026-05-03" },
          { exerciseId: "ex-qps", verdict: "close", day: "2026-05-04" },
          { exerciseId: "dr-01", verdict: "order-of-magnitude", day: "2026-05-01" },
          { exerciseId: "dr-01", verdict: "exact", day: "2026-05-05" },
          { exerciseId: "dr-03", verdict: "exact", day: "2026-05-02" },
          { exerciseId: "gone", verdict: "off", day: "2026-05-02" },
        ],
        skillOf,
      ),
    ).toEqual([
      { skill: "peak QPS", answered: 4, closeOrBetter: 2, lastMissDay: "2026-05-03" },
      { skill: "storage", answered: 1, closeOrBetter: 1, lastMissDay: null },
    ]);
  });

  test("no steps: no results", () => {
    expect(skillResults([], skillOf)).toEqual([]);
  });
});
