import { describe, expect, test } from "vitest";
import { drillForSkill, getLesson, listDrills, listExercisesOfLesson, listLessons, skillOf } from "@/lib/content";

describe("skills", () => {
  test("every lesson exercise names a skill, and skillOf reads it", () => {
    for (const lesson of listLessons()) {
      for (const entry of listExercisesOfLesson(lesson)) {
        expect(entry.skill.length, entry.spec.id).toBeGreaterThan(2);
        expect(skillOf(entry.spec.id)).toBe(entry.skill);
      }
    }
  });

  test.each([
    { label: "a lesson exercise", id: "scale-derive-video-load", expected: "average and peak QPS" },
    { label: "a drill", id: "drill-dau-to-peak-qps", expected: "average and peak QPS" },
    { label: "an id no content has", id: "no-such-exercise", expected: null },
  ])("skillOf: $label", ({ id, expected }) => {
    expect(skillOf(id)).toBe(expected);
  });

  test.each([
    {
      label: "a skill with its own drill",
      skill: "bits and bytes",
      lessons: [],
      expected: "drill-bandwidth-bits-and-bytes",
    },
    {
      label: "a point-estimate drill before a calibration drill of the same lesson",
      skill: "average and peak QPS",
      lessons: [],
      expected: "drill-dau-to-peak-qps",
    },
    {
      label: "no drill of the skill: a drill of the lesson where it was missed",
      skill: "cost of waste at scale",
      lessons: ["scale-in-interviews", "server-sizing"],
      expected: "drill-server-count-headroom-regions",
    },
    {
      label: "no drill of the skill or its lessons",
      skill: "cost of waste at scale",
      lessons: ["scale-in-interviews"],
      expected: null,
    },
  ])("drillForSkill: $label", ({ skill, lessons, expected }) => {
    expect(drillForSkill(skill, lessons)?.id ?? null).toBe(expected);
  });

  test("lesson exercises and drills of the same skill share its words", () => {
    const drillSkills = new Set(listDrills().map((d) => d.skill));
    const lesson = getLesson("numbers-to-know");
    const shared = lesson ? listExercisesOfLesson(lesson).filter((e) => drillSkills.has(e.skill)) : [];
    expect(shared.map((e) => e.skill)).toEqual(
      expect.arrayContaining(["bits and bytes", "round trips in a latency budget"]),
    );
  });
});
