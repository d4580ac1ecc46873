import { describe, expect, test } from "vitest";
import { groupMissesBySkill, type SkillStepRow } from "@/lib/progress";

// A fixed table stands in for lib/content's skillOf: two lesson exercises and a drill share a skill.
const skills: Record<string, string> = {
  "scale-derive-video-load": "average and peak QPS",
  "drill-dau-to-peak-qps": "average and peak QPS",
  "pipeline-monthly-links": "monthly volume to a per-second rate",
  "numbers-image-api-gbps": "bits and bytes",
};
const skillOf = (id: string) => skills[id] ?? null;
const step = (exerciseId: string, verdict: string): SkillStepRow => ({ exerciseId, verdict });

describe("groupMissesBySkill", () => {
  test.each([
    { label: "no steps", steps: [], expected: [] },
    {
      label: "only exact and close steps: nothing is weak",
      steps: [step("numbers-image-api-gbps", "exact"), step("numbers-image-api-gbps", "close")],
      expected: [],
    },
    {
      label: "a lesson exercise and a drill of the same skill add up under the skill's name",
      steps: [
        step("scale-derive-video-load", "off"),
        step("drill-dau-to-peak-qps", "order-of-magnitude"),
        step("drill-dau-to-peak-qps", "off"),
        step("drill-dau-to-peak-qps", "exact"),
      ],
      expected: [
        {
          skill: "average and peak QPS",
          misses: 3,
          answered: 4,
          exerciseIds: ["drill-dau-to-peak-qps", "scale-derive-video-load"],
        },
      ],
    },
    {
      label: "every verdict below close is a miss (order of magnitude, wrong dimension)",
      steps: [
        step("numbers-image-api-gbps", "order-of-magnitude"),
        step("numbers-image-api-gbps", "wrong-dimension"),
        step("numbers-image-api-gbps", "close"),
      ],
      expected: [{ skill: "bits and bytes", misses: 2, answered: 3, exerciseIds: ["numbers-image-api-gbps"] }],
    },
    {
      label: "an exercise no content has any more is left out",
      steps: [step("removed-exercise", "off"), step("numbers-image-api-gbps", "off")],
      expected: [{ skill: "bits and bytes", misses: 1, answered: 1, exerciseIds: ["numbers-image-api-gbps"] }],
    },
  ])("$label", ({ steps, expected }) => {
    expect(groupMissesBySkill(steps, skillOf)).toEqual(expected);
  });

  test.each([
    {
      label: "more misses first",
      steps: [
        step("numbers-image-api-gbps", "off"),
        step("pipeline-monthly-links", "off"),
        step("pipeline-monthly-links", "off"),
      ],
      expected: ["monthly volume to a per-second rate", "bits and bytes"],
    },
    {
      label: "equal misses: the higher miss rate first",
      steps: [
        step("numbers-image-api-gbps", "off"),
        step("numbers-image-api-gbps", "exact"),
        step("pipeline-monthly-links", "off"),
      ],
      expected: ["monthly volume to a per-second rate", "bits and bytes"],
    },
    {
      label: "equal misses and rate: by name",
      steps: [
        step("pipeline-monthly-links", "off"),
        step("numbers-image-api-gbps", "off"),
        step("scale-derive-video-load", "off"),
      ],
      expected: ["average and peak QPS", "bits and bytes", "monthly volume to a per-second rate"],
    },
  ])("order: $label", ({ steps, expected }) => {
    expect(groupMissesBySkill(steps, skillOf).map((s) => s.skill)).toEqual(expected);
  });

  test.each([
    { label: "limit 1 keeps the weakest", limit: 1, expected: 1 },
    { label: "limit 0 keeps none", limit: 0, expected: 0 },
    { label: "a limit above the count keeps all", limit: 10, expected: 3 },
  ])("$label", ({ limit, expected }) => {
    const steps = [
      step("pipeline-monthly-links", "off"),
      step("numbers-image-api-gbps", "off"),
      step("scale-derive-video-load", "off"),
    ];
    expect(groupMissesBySkill(steps, skillOf, limit)).toHaveLength(expected);
  });
});
