import "server-only";
import fs from "node:fs";
import path from "node:path";
import { CASE_STAGES, caseFileSchema, type CaseFile } from "./case-schema";
import { readExerciseFile, type ExerciseEntry } from "./exercises";
import { cacheByFiles, cachePerFile, contentRoot, displayPath, listContentFiles } from "./files";
import { lineOfValue, readJsonContent } from "./json-file";
import { compileMdxFile } from "./lessons";
import { ContentError, type ContentProblem } from "./problems";

/** The reference files of a case: one per stage, and one for the curveball. */
export const CASE_REFERENCES = [...CASE_STAGES, "curveball"] as const;
export type CaseReference = (typeof CASE_REFERENCES)[number];

export type CaseEntry = CaseFile & {
  file: string;
  /** "21-case-url-shortener": the curriculum slot's file name */
  basename: string;
  exercises: ExerciseEntry[];
};

/** Every `content/cases/*.case.json`. */
export function listCaseFiles(root = contentRoot()): { file: string; basename: string }[] {
  return listContentFiles("cases", ".case.json", root).map((file) => ({
    file,
    basename: path.basename(file, ".case.json"),
  }));
}

/** Point a schema issue at the line of the last key it names. */
function locateKey(text: string, issuePath: PropertyKey[]): number | undefined {
  const key = [...issuePath].reverse().find((part): part is string => typeof part === "string");
  if (key === undefined) return undefined;
  const index = text.indexOf(`"${key}"`);
  return index >= 0 ? text.slice(0, index).split("\n").length : undefined;
}

/** The file of one stage's (or the curveball's) reference answer. */
export function caseReferenceFile(entry: { file: string; basename: string }, reference: CaseReference): string {
  return path.join(path.dirname(entry.file), entry.basename, `${reference}.mdx`);
}

/** Read one case with its exercises, checking that every estimate it names exists and every exercise is used. */
export function readCase(file: string, basename: string): { entry?: CaseEntry; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, caseFileSchema, locateKey);
  if (!data) return { problems };
  const exercisesFile = path.join(path.dirname(file), `${basename}.exercises.json`);
  let exercises: ExerciseEntry[] = [];
  if (!fs.existsSync(/*turbopackIgnore: true*/ exercisesFile)) {
    problems.push({
      file: displayPath(file),
      message: `no ${basename}.exercises.json beside this case (its graded estimates)`,
    });
  } else {
    const read = readExerciseFile(exercisesFile, data.id);
    problems.push(...read.problems);
    exercises = read.entries;
  }
  const known = new Set(exercises.map((entry) => entry.spec.id));
  const text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  const named = [
    ...CASE_STAGES.flatMap((stage) => [
      ...data.stages[stage].estimates,
      ...data.stages[stage].spotTheProblem.map((item) => item.estimate),
    ]),
    ...data.curveball.estimates,
  ];
  for (const id of named) {
    if (!known.has(id))
      problems.push({
        file: displayPath(file),
        line: lineOfValue(text, "estimate", id) ?? locateKey(text, [id]),
        message: `estimate "${id}" is not in ${basename}.exercises.json`,
      });
  }
  for (const id of known) {
    if (!named.includes(id))
      problems.push({
        file: displayPath(exercisesFile),
        line: lineOfValue(fs.readFileSync(/*turbopackIgnore: true*/ exercisesFile, "utf8"), "id", id),
        message: `exercise "${id}" is not used by any stage of the case`,
      });
  }
  return { entry: { ...data, file, basename, exercises }, problems };
}

/** Compile every reference file of a case; problems with file and line. */
export async function checkCaseReferences(entry: CaseEntry): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const reference of CASE_REFERENCES) {
    const file = caseReferenceFile(entry, reference);
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
      problems.push({
        file: displayPath(entry.file),
        message: `no reference for the ${reference} stage: write ${displayPath(file)}`,
      });
      continue;
    }
    try {
      await compileMdxFile(file, new Set());
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  return problems;
}

/** Every case, in curriculum order of its file name. Throws ContentError when any is invalid. */
export function listCases(root = contentRoot()): CaseEntry[] {
  const entries: CaseEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const { file, basename } of listCaseFiles(root)) {
    const read = readCase(file, basename);
    problems.push(...read.problems);
    if (read.entry) entries.push(read.entry);
  }
  if (problems.length) throw new ContentError(problems);
  return entries;
}

const casesCache = cacheByFiles<Map<string, CaseEntry>>();

/** Every case by id, read again when a case or its exercises change. */
function casesById(): Map<string, CaseEntry> {
  const files = [...listContentFiles("cases", ".case.json"), ...listContentFiles("cases", ".exercises.json")];
  return casesCache(files, () => new Map(listCases().map((entry) => [entry.id, entry])));
}

/** One case by its id (the curriculum slot's lesson id), or null. */
export function getCase(id: string): CaseEntry | null {
  return casesById().get(id) ?? null;
}

/** Every case in curriculum order. */
export function listCaseEntries(): CaseEntry[] {
  return [...casesById().values()];
}

const references = cachePerFile<string>();

/** A case stage's reference, compiled (once per file version). Throws ContentError with file and line. */
export function compileCaseReference(entry: CaseEntry, reference: CaseReference): Promise<string> {
  const file = caseReferenceFile(entry, reference);
  return references(file, () => compileMdxFile(file, new Set()).then((result) => result.code));
}
