import type { PlanDrill, SkillResult } from "./types";

/** A drill takes about this long: the goal is a right answer in under two minutes, plus reading the worked solution. */
export const DRILL_MINUTES = 3;

/** The share of a skill's answered steps graded `close` or better; 1 for a skill never answered. */
export function skillShare(result: SkillResult): number {
  return result.answered > 0 ? result.closeOrBetter / result.answered : 1;
}

/**
 * The drills to practise, weakest skill first: skills ranked by the lowest share of `close` or better, then the most
 * recent miss, then name; one drill per skill (the first the catalogue lists for it). Skills with no drill are skipped.
 * With no results at all (a new learner), the catalogue's skills in its order.
 * @example rankDrills(drills, [{ skill: "QPS", answered: 4, closeOrBetter: 1, lastMissDay: "2026-05-01" }])
 */
export function rankDrills(drills: readonly PlanDrill[], skills: readonly SkillResult[]): PlanDrill[] {
  const drillOf = new Map<string, PlanDrill>();
  for (const drill of drills) if (!drillOf.has(drill.skill)) drillOf.set(drill.skill, drill);
  const answered = skills.filter((result) => result.answered > 0 && drillOf.has(result.skill));
  if (answered.length === 0) return [...drillOf.values()];
  return [...answered]
    .sort(
      (a, b) =>
        skillShare(a) - skillShare(b) ||
        (b.lastMissDay ?? "").localeCompare(a.lastMissDay ?? "") ||
        a.skill.localeCompare(b.skill),
    )
    .flatMap((result) => {
      const drill = drillOf.get(result.skill);
      return drill ? [drill] : [];
    });
}

/**
 * `count` drills for the `dayIndex`-th day of the plan: today the weakest, later days the next ones in turn (the plan
 * is made again each day from new results, so later days are a preview).
 */
export function drillsForDay(ranked: readonly PlanDrill[], dayIndex: number, count: number): PlanDrill[] {
  const take = Math.min(count, ranked.length);
  const picked: PlanDrill[] = [];
  for (let i = 0; i < take; i++) {
    const drill = ranked[(dayIndex * take + i) % ranked.length];
    if (drill) picked.push(drill);
  }
  return picked;
}
