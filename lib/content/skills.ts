import "server-only";
import { listDrills, type Drill } from "./drills";
import { listExercisesOfLesson } from "./exercises";
import { listLessons, type LessonMeta } from "./lessons";
import { listAudits } from "./question-catalogue";

export type ExerciseSkill = { skill: string; lessonId: string };

let cached: { lessons: LessonMeta[]; drills: Drill[]; skills: Map<string, ExerciseSkill> } | undefined;

/**
 * Every exercise's skill by exercise id: the drills' `skill`, the lesson exercises' and the audits' `skill`. Reading the exercise
 * files validates every spec, so the map is kept while the lesson and drill lists are the same (cached) objects.
 */
function exerciseSkills(): Map<string, ExerciseSkill> {
  const lessons = listLessons();
  const drills = listDrills();
  if (cached?.lessons === lessons && cached.drills === drills) return cached.skills;
  const skills = new Map<string, ExerciseSkill>();
  for (const lesson of lessons) {
    for (const entry of listExercisesOfLesson(lesson))
      skills.set(entry.spec.id, { skill: entry.skill, lessonId: lesson.id });
  }
  for (const drill of drills) skills.set(drill.id, { skill: drill.skill, lessonId: drill.lesson });
  // An audit's corrected value is graded as an exercise with the audit's id.
  for (const audit of listAudits()) skills.set(audit.id, { skill: audit.skill, lessonId: audit.lessonId });
  cached = { lessons, drills, skills };
  return skills;
}

/** The skill an exercise or drill practises ("average and peak QPS"), or null for an id no content has. */
export function skillOf(exerciseId: string): string | null {
  return exerciseSkills().get(exerciseId)?.skill ?? null;
}

/** The lesson that teaches an exercise or drill, or null for an id no content has. */
export function lessonOfExercise(exerciseId: string): string | null {
  return exerciseSkills().get(exerciseId)?.lessonId ?? null;
}

/**
 * The drill to practise a skill with: a drill of that very skill (a point estimate before a calibration drill), else
 * a point-estimate drill of one of `lessonIds` (in the order given, the lessons where the skill was missed), else null.
 */
export function drillForSkill(skill: string, lessonIds: readonly string[] = []): Drill | null {
  const drills = listDrills();
  const same = drills.filter((drill) => drill.skill === skill);
  const sameSkill = same.find((drill) => !drill.calibration) ?? same[0];
  if (sameSkill) return sameSkill;
  for (const lessonId of lessonIds) {
    const ofLesson = drills.find((drill) => drill.lesson === lessonId && !drill.calibration);
    if (ofLesson) return ofLesson;
  }
  return null;
}
