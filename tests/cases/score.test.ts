import { describe, expect, test } from "vitest";
import { CASE_STAGES, bandFor, ratingFor, scoreCase, stageShare, type CaseStage, type StageWork } from "@/lib/cases";

const BUDGET: Record<CaseStage, number> = {
  requirements: 5,
  estimation: 7,
  api: 5,
  design: 10,
  deepDive: 10,
  failures: 5,
  wrapUp: 3,
};

const perfect: StageWork = { marks: ["covered", "covered"], estimates: [1], choices: [true], elapsedMs: 60_000 };
const nothing: StageWork = { marks: ["missed", "missed"], estimates: [0], choices: [false], elapsedMs: 60_000 };

function work(overrides: Partial<Record<CaseStage, StageWork>> = {}): Record<CaseStage, StageWork> {
  const all: Record<CaseStage, StageWork> = {
    requirements: perfect,
    estimation: perfect,
    api: perfect,
    design: perfect,
    deepDive: perfect,
    failures: perfect,
    wrapUp: perfect,
  };
  for (const stage of CASE_STAGES) all[stage] = overrides[stage] ?? perfect;
  return all;
}

describe("a stage's share and rating", () => {
  test.each([
    { label: "all parts perfect", stage: perfect, share: 1 },
    { label: "nothing right", stage: nothing, share: 0 },
    {
      label: "checklist half partly, no estimates or choices",
      stage: { marks: ["partly", "partly"], estimates: [], choices: [], elapsedMs: 0 } satisfies StageWork,
      share: 0.5,
    },
    {
      label: "checklist full, estimate at 0.4, one of two choices",
      stage: { marks: ["covered"], estimates: [0.4], choices: [true, false], elapsedMs: 0 } satisfies StageWork,
      share: (1 + 0.4 + 0.5) / 3,
    },
    {
      label: "a stage with no work at all",
      stage: { marks: [], estimates: [], choices: [], elapsedMs: 0 } satisfies StageWork,
      share: 0,
    },
  ])("$label → $share", ({ stage, share }) => {
    expect(stageShare(stage)).toBeCloseTo(share, 12);
  });

  test.each([
    { share: 1, rating: 3 },
    { share: 0.85, rating: 3 },
    { share: 0.849, rating: 2 },
    { share: 0.6, rating: 2 },
    { share: 0.3, rating: 1 },
    { share: 0.29, rating: 0 },
    { share: 0, rating: 0 },
  ])("share $share → rating $rating", ({ share, rating }) => {
    expect(ratingFor(share)).toBe(rating);
  });

  test.each([
    { total: 0.39, band: "not yet" },
    { total: 0.4, band: "mixed signal" },
    { total: 0.6, band: "hire signal" },
    { total: 0.8, band: "strong hire signal" },
  ])("total $total → $band", ({ total, band }) => {
    expect(bandFor(total)).toBe(band);
  });
});

describe("the score card", () => {
  test("everything right is a strong hire signal", () => {
    const card = scoreCase(work(), BUDGET);
    expect(card.total).toBe(1);
    expect(card.band).toBe("strong hire signal");
    expect(card.stages.find((s) => s.stage === "design")?.budgetMs).toBe(600_000);
  });

  test("the deep dive counts twice", () => {
    const weakDeepDive = scoreCase(work({ deepDive: nothing }), BUDGET);
    const weakApi = scoreCase(work({ api: nothing }), BUDGET);
    // 8 weighted stage slots × 3 points = 24; a zero deep dive loses 6 of them, a zero API stage 3.
    expect(weakDeepDive.total).toBeCloseTo(18 / 24, 12);
    expect(weakApi.total).toBeCloseTo(21 / 24, 12);
  });

  test("the two weakest stages come first by rating, then share, then course order", () => {
    const partly: StageWork = { marks: ["partly"], estimates: [], choices: [], elapsedMs: 0 };
    const card = scoreCase(work({ failures: nothing, api: partly, estimation: partly }), BUDGET);
    expect(card.weakest).toEqual(["failures", "estimation"]);
  });
});
