// Pure: groups answered estimation steps by the skill their exercise practises. No database, no content reads; the
// skill of an exercise comes in as a function (lib/content's skillOf on the server, a table in tests).

/** One answered step: the exercise it belongs to and the engine's verdict. */
export type SkillStepRow = { exerciseId: string; verdict: string };

export type SkillMisses = {
  skill: string;
  misses: number;
  answered: number;
  /** The exercises of this skill that had misses, most misses first: where the learner slipped. */
  exerciseIds: string[];
};

/**
 * The skills with the most missed steps (below `close`), most first; ties by miss rate, then by name. Steps of an
 * exercise with no known skill (content since removed) are left out: there is nothing to name or link.
 */
export function groupMissesBySkill(
  steps: readonly SkillStepRow[],
  skillOf: (exerciseId: string) => string | null,
  limit = 5,
): SkillMisses[] {
  const bySkill = new Map<string, { misses: number; answered: number; byExercise: Map<string, number> }>();
  for (const step of steps) {
    const skill = skillOf(step.exerciseId);
    if (skill === null) continue;
    const entry = bySkill.get(skill) ?? { misses: 0, answered: 0, byExercise: new Map<string, number>() };
    entry.answered++;
    if (step.verdict !== "exact" && step.verdict !== "close") {
      entry.misses++;
      entry.byExercise.set(step.exerciseId, (entry.byExercise.get(step.exerciseId) ?? 0) + 1);
    }
    bySkill.set(skill, entry);
  }
  return [...bySkill.entries()]
    .filter(([, entry]) => entry.misses > 0)
    .map(([skill, entry]) => ({
      skill,
      misses: entry.misses,
      answered: entry.answered,
      exerciseIds: [...entry.byExercise.entries()]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([id]) => id),
    }))
    .sort(
      (a, b) => b.misses - a.misses || b.misses / b.answered - a.misses / a.answered || a.skill.localeCompare(b.skill),
    )
    .slice(0, limit);
}
