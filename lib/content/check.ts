import "server-only";
import fs from "node:fs";
import path from "node:path";
import { readCardFile, listCardFiles } from "./cards";
import { SEEDS_CHECKED, checkExercise } from "./check-exercise";
import { checkPlacements, checkQuestionFiles } from "./check-questions";
import { checkWorkedNumbers } from "./check-worked-numbers";
import { checkCaseReferences, listCaseFiles, readCase } from "./cases";
import { listDrillCatalogue, listDrillFiles, readDrillFile } from "./drills";
import { ContentError } from "./problems";
import type { CurriculumEntry, DrillCatalogueEntry } from "./schemas";
import { curriculumEntryFor, listCurriculum } from "./curriculum";
import { listExerciseFiles, readExerciseFile, type ExerciseEntry } from "./exercises";
import { contentRoot, displayPath, listContentFiles } from "./files";
import { lineOfValue } from "./json-file";
import { compileLesson, readLessonMeta, type LessonMeta } from "./lessons";
import type { ContentProblem } from "./problems";

export type ContentReport = {
  problems: ContentProblem[];
  lessons: number;
  exercises: number;
  variantsBuilt: number;
  calcs: number;
  cards: number;
  drills: number;
  cases: number;
  /** the graded estimates of the cases */
  caseExercises: number;
  /** judgement questions and spot-the-problem audits of the lessons */
  judgements: number;
  audits: number;
  newIds: string[];
};

export { SEEDS_CHECKED };

/** The file that lists every id ever published; an id in it must never disappear or change meaning. */
export function publishedIdsFile(root = contentRoot()): string {
  return path.join(root, "published-ids.json");
}

/**
 * Check all content: compile every lesson (MDX, frontmatter, every <Calc> computed by the engine, every <Estimate> id),
 * validate every exercise and build it for SEEDS_CHECKED seeds (each variant solvable, its worked solution scoring
 * full marks, no prompt holding a reference answer), validate every card list, every judgement question and audit
 * (each placed in its lesson once, each audit's fix built like an exercise), and check that ids are unique and that
 * no published id has gone.
 */
export async function checkContent(root = contentRoot()): Promise<ContentReport> {
  const problems: ContentProblem[] = [];
  const report: ContentReport = {
    problems,
    lessons: 0,
    exercises: 0,
    variantsBuilt: 0,
    calcs: 0,
    cards: 0,
    drills: 0,
    cases: 0,
    caseExercises: 0,
    judgements: 0,
    audits: 0,
    newIds: [],
  };
  const ids = new Map<string, string>(); // id → where first declared
  const claim = (id: string, kind: string, file: string, line: number | undefined) => {
    const first = ids.get(id);
    if (first)
      problems.push({ file: displayPath(file), line, message: `${kind} id "${id}" is already used by ${first}` });
    else ids.set(id, `${kind} in ${displayPath(file)}`);
  };

  let curriculum: CurriculumEntry[] = [];
  try {
    curriculum = listCurriculum(root);
  } catch (error) {
    if (error instanceof ContentError) problems.push(...error.problems);
    else throw error;
  }
  const planned = new Set(curriculum.map((entry) => entry.id));
  const lessons: LessonMeta[] = [];
  for (const file of listContentFiles("lessons", ".mdx", root)) {
    const result = readLessonMeta(file);
    problems.push(...result.problems);
    if (result.meta) {
      lessons.push(result.meta);
      claim(result.meta.id, "lesson", file, 1);
    }
  }
  report.lessons = lessons.length;
  for (const lesson of lessons) {
    const entry = curriculumEntryFor(lesson.basename, curriculum);
    if (!entry)
      problems.push({
        file: displayPath(lesson.file),
        line: 1,
        message: `lesson ${lesson.basename} is not in content/curriculum.json`,
      });
    else if (entry.module !== lesson.module) {
      problems.push({
        file: displayPath(lesson.file),
        line: 1,
        message: `module "${lesson.module}" differs from the curriculum's "${entry.module}"`,
      });
    }
  }
  const lessonIds = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    for (const prerequisite of lesson.prerequisites) {
      if (!lessonIds.has(prerequisite))
        problems.push({ file: displayPath(lesson.file), message: `prerequisite "${prerequisite}" is not a lesson id` });
    }
  }

  const byBasename = new Map(lessons.map((l) => [l.basename, l]));
  const exercises: ExerciseEntry[] = [];
  for (const { file, basename } of listExerciseFiles(root)) {
    const lesson = byBasename.get(basename);
    if (!lesson) {
      problems.push({ file: displayPath(file), message: `no lesson ${basename}.mdx beside this exercise file` });
      continue;
    }
    const result = readExerciseFile(file, lesson.id);
    problems.push(...result.problems);
    for (const entry of result.entries) {
      claim(entry.spec.id, "exercise", file, lineOfValue(fs.readFileSync(file, "utf8"), "id", entry.spec.id));
      exercises.push(entry);
    }
  }
  report.exercises = exercises.length;
  for (const entry of exercises) report.variantsBuilt += checkExercise(entry, problems);
  const questions = checkQuestionFiles(lessons, root, claim, problems);
  report.judgements = questions.judgements.length;
  report.audits = questions.audits.length;
  report.variantsBuilt += questions.variantsBuilt;

  for (const lesson of lessons) {
    try {
      const compiled = await compileLesson(lesson);
      report.calcs += compiled.calcs.length;
      checkPlacements(lesson, compiled, questions, problems);
      const placeable = [...exercises, ...questions.audits].filter((entry) => entry.lessonId === lesson.id);
      problems.push(
        ...checkWorkedNumbers(
          displayPath(lesson.file),
          fs.readFileSync(lesson.file, "utf8"),
          placeable.map((entry) => entry.spec),
        ),
      );
      const embedded = new Set(compiled.estimates);
      for (const entry of exercises.filter((e) => e.lessonId === lesson.id && !embedded.has(e.spec.id))) {
        problems.push({
          file: displayPath(entry.file),
          line: lineOfValue(fs.readFileSync(entry.file, "utf8"), "id", entry.spec.id),
          message: `exercise "${entry.spec.id}" is not embedded in ${lesson.basename}.mdx with <Estimate id="${entry.spec.id}" />`,
        });
      }
    } catch (error) {
      if (error instanceof Error && "problems" in error && Array.isArray(error.problems))
        problems.push(...error.problems);
      else throw error;
    }
  }

  let catalogue: DrillCatalogueEntry[] = [];
  try {
    catalogue = listDrillCatalogue(root);
  } catch (error) {
    if (error instanceof ContentError) problems.push(...error.problems);
    else throw error;
  }
  const catalogueLesson = new Map(catalogue.map((entry) => [entry.code, entry.lesson]));
  for (const entry of catalogue) {
    if (!planned.has(entry.lesson))
      problems.push({
        file: "content/drill-catalogue.json",
        message: `${entry.code}: lesson "${entry.lesson}" is not in content/curriculum.json`,
      });
  }
  for (const file of listDrillFiles(root)) {
    const result = readDrillFile(file);
    problems.push(...result.problems);
    const drill = result.drill;
    if (!drill) continue;
    const line = lineOfValue(fs.readFileSync(file, "utf8"), "id", drill.id);
    claim(drill.id, "drill", file, line);
    if (!planned.has(drill.lesson))
      problems.push({ file: displayPath(file), message: `lesson "${drill.lesson}" is not in content/curriculum.json` });
    const catalogued = catalogueLesson.get(drill.code);
    if (catalogued === undefined)
      problems.push({ file: displayPath(file), message: `code ${drill.code} is not in content/drill-catalogue.json` });
    else if (catalogued !== drill.lesson)
      problems.push({
        file: displayPath(file),
        line: textLineOf(fs.readFileSync(file, "utf8"), '"lesson"'),
        message: `lesson "${drill.lesson}" differs from the lesson "${catalogued}" that content/drill-catalogue.json gives ${drill.code}`,
      });
    const fixed = drill.exercise.givens.filter((given) => !given.vary).map((given) => given.name);
    if (fixed.length === drill.exercise.givens.length) {
      problems.push({
        file: displayPath(file),
        line,
        message: "a drill needs at least one given with a vary range, or every run is the same",
      });
    }
    report.drills++;
    report.variantsBuilt += checkExercise(
      { spec: drill.exercise, file, lessonId: drill.lesson, skill: drill.skill },
      problems,
    );
  }

  const drillIds = new Set(listDrillFiles(root).flatMap((file) => readDrillFile(file).drill?.id ?? []));
  for (const { file, basename } of listCaseFiles(root)) {
    const result = readCase(file, basename);
    problems.push(...result.problems);
    const entry = result.entry;
    if (!entry) continue;
    const text = fs.readFileSync(file, "utf8");
    claim(`case:${entry.id}`, "case", file, lineOfValue(text, "id", entry.id));
    const slot = curriculumEntryFor(basename, curriculum);
    if (!slot || slot.id !== entry.id || slot.module !== "case-studies") {
      problems.push({
        file: displayPath(file),
        line: lineOfValue(text, "id", entry.id),
        message: `a case fills a case-studies slot of content/curriculum.json: ${basename} with id "${basename.replace(/^\d+-/, "")}"`,
      });
    }
    for (const id of Object.values(entry.study).flat()) {
      if (!planned.has(id) && !drillIds.has(id))
        problems.push({
          file: displayPath(file),
          line: lineOfValue(text, "study", id),
          message: `study "${id}" is neither a lesson of the curriculum nor a drill`,
        });
    }
    for (const exercise of entry.exercises) {
      claim(
        exercise.spec.id,
        "exercise",
        exercise.file,
        lineOfValue(fs.readFileSync(exercise.file, "utf8"), "id", exercise.spec.id),
      );
      report.variantsBuilt += checkExercise(exercise, problems);
      report.caseExercises++;
    }
    problems.push(...(await checkCaseReferences(entry)));
    report.cases++;
  }

  for (const { file, basename } of listCardFiles(root)) {
    if (!curriculumEntryFor(basename, curriculum)) {
      problems.push({
        file: displayPath(file),
        message: `${basename} is not a lesson of content/curriculum.json (name card files NN-<lesson id>.json)`,
      });
    }
    const result = readCardFile(file);
    problems.push(...result.problems);
    const text = fs.readFileSync(file, "utf8");
    for (const card of result.cards) claim(card.id, "card", file, lineOfValue(text, "id", card.id));
    report.cards += result.cards.length;
  }

  const publishedFile = publishedIdsFile(root);
  const published: string[] = fs.existsSync(publishedFile) ? JSON.parse(fs.readFileSync(publishedFile, "utf8")) : [];
  for (const id of published) {
    if (!ids.has(id)) {
      problems.push({
        file: displayPath(publishedFile),
        line: lineOfValue(fs.readFileSync(publishedFile, "utf8").replace(/^\s*"/gm, '"id": "'), "id", id),
        message: `published id "${id}" is gone: learners' progress refers to it. Restore it (ids are stable; change the text, not the id).`,
      });
    }
  }
  const known = new Set(published);
  report.newIds = [...ids.keys()].filter((id) => !known.has(id)).sort();
  return report;
}

/** The 1-based line of the first occurrence of `needle` in `text`, or undefined. */
function textLineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split("\n").length;
}
