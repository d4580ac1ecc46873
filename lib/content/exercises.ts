import "server-only";
import path from "node:path";
import { z } from "zod";
import type { ExerciseSpec } from "@/lib/engine";
import { contentRoot, displayPath, listContentFiles } from "./files";
import { locateItemBy, readJsonContent } from "./json-file";
import { ContentError, type ContentProblem } from "./problems";
import { lessonExerciseSchema } from "./schemas";

export type ExerciseEntry = {
  spec: ExerciseSpec;
  file: string;
  /** the lesson whose page embeds it */
  lessonId: string;
  /** the skill it practises, as drills name theirs */
  skill: string;
};

const exerciseFileSchema = z.array(lessonExerciseSchema);

/** Read one `<lesson>.exercises.json`. */
export function readExerciseFile(
  file: string,
  lessonId: string,
): { entries: ExerciseEntry[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, exerciseFileSchema, locateItemBy("id"));
  return { entries: (data ?? []).map(({ skill, ...spec }) => ({ spec, file, lessonId, skill })), problems };
}

/** The exercises declared beside a lesson (its `.exercises.json`), or none. */
export function listExercisesOfLesson(lesson: { basename: string; id: string; file: string }): ExerciseEntry[] {
  const file = path.join(path.dirname(lesson.file), `${lesson.basename}.exercises.json`);
  if (!listContentFiles("lessons", ".exercises.json", path.dirname(path.dirname(lesson.file))).includes(file))
    return [];
  const { entries, problems } = readExerciseFile(file, lesson.id);
  if (problems.length) throw new ContentError(problems);
  return entries;
}

/** Every exercise file in content/lessons with the lesson id its name implies. */
export function listExerciseFiles(root = contentRoot()): { file: string; basename: string }[] {
  return listContentFiles("lessons", ".exercises.json", root).map((file) => ({
    file,
    basename: path.basename(file, ".exercises.json"),
  }));
}

export function exerciseProblemFile(file: string): string {
  return displayPath(file);
}
