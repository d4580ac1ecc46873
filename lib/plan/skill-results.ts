import type { SkillResult } from "./types";

/** One answered estimation step: its exercise, the engine's verdict, and the learner day it was answered on. */
export type AnsweredStep = { readonly exerciseId: string; readonly verdict: string; readonly day: string };

/**
 * The learner's results per skill, as the planner ranks them: steps answered, steps graded `close` or `exact`, and the
 * latest day of a miss (anything below `close`). The skill of an exercise comes in as a function (lib/content's
 * `skillOf` on the server, a table in tests); steps of an exercise with no known skill are left out. Sorted by skill.
 * @example skillResults([{ exerciseId: "dr-01", verdict: "off", day: "2026-05-02" }], () => "peak QPS")
 *   // [{ skill: "peak QPS", answered: 1, closeOrBetter: 0, lastMissDay: "2026-05-02" }]
 */
export function skillResults(
  steps: readonly AnsweredStep[],
  skillOf: (exerciseId: string) => string | null,
): SkillResult[] {
  const bySkill = new Map<string, { answered: number; closeOrBetter: number; lastMissDay: string | null }>();
  for (const step of steps) {
    const skill = skillOf(step.exerciseId);
    if (skill === null) continue;
    const entry = bySkill.get(skill) ?? { answered: 0, closeOrBetter: 0, lastMissDay: null };
    entry.answered++;
    if (step.verdict === "exact" || step.verdict === "close") entry.closeOrBetter++;
    else if (entry.lastMissDay === null || step.day > entry.lastMissDay) entry.lastMissDay = step.day;
    bySkill.set(skill, entry);
  }
  return [...bySkill.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([skill, entry]) => ({ skill, ...entry }));
}
