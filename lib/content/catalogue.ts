import "server-only";
import type { ExerciseSpec } from "@/lib/engine";
import { listCaseEntries } from "./cases";
import { listDrills, type Drill } from "./drills";
import { listExercisesOfLesson } from "./exercises";
import { listLessons } from "./lessons";
import { getQuestion } from "./question-catalogue";

export type CatalogueExercise =
  | { kind: "lesson"; spec: ExerciseSpec; lessonId: string }
  | { kind: "drill"; spec: ExerciseSpec; lessonId: string; drill: Drill }
  | { kind: "case"; spec: ExerciseSpec; lessonId: string }
  /** the corrected value of a spot-the-problem audit (id = the audit's): answered in its lesson or the audits drill */
  | { kind: "audit"; spec: ExerciseSpec; lessonId: string };

/** Find an exercise by id among the lessons' exercises, the drills, the cases' estimates and the audits' fixes. */
export function getExercise(id: string): CatalogueExercise | null {
  for (const drill of listDrills()) {
    if (drill.id === id) return { kind: "drill", spec: drill.exercise, lessonId: drill.lesson, drill };
  }
  for (const lesson of listLessons()) {
    const entry = listExercisesOfLesson(lesson).find((e) => e.spec.id === id);
    if (entry) return { kind: "lesson", spec: entry.spec, lessonId: lesson.id };
  }
  for (const entry of listCaseEntries()) {
    const exercise = entry.exercises.find((e) => e.spec.id === id);
    if (exercise) return { kind: "case", spec: exercise.spec, lessonId: entry.id };
  }
  const question = getQuestion(id);
  if (question?.kind === "audit") return { kind: "audit", spec: question.spec, lessonId: question.lessonId };
  return null;
}
