import "server-only";
import { course } from "./course";
import { db } from "./db";
import { groupMissesBySkill, type SkillMisses } from "./skill-misses";

/**
 * A learner's weakest skills: every answered estimation step (lessons, drills and reviews; calibration ranges and
 * blank steps left out), grouped by the skill its exercise practises.
 */
export async function listWeakSkills(userId: string, limit = 5): Promise<SkillMisses[]> {
  const steps = await db().$queryRaw<{ exerciseId: string; verdict: string }[]>`
    SELECT a."exerciseId", s->>'verdict' AS verdict
    FROM "Attempt" a, jsonb_array_elements(a.steps) s
    WHERE a."userId" = ${userId}::uuid AND coalesce(a.answers->>(s->>'id'), '') <> '' AND NOT (s ? 'held')
        AND s->>'verdict' <> 'unreadable'`;
  return groupMissesBySkill(steps, course.skill, limit);
}
