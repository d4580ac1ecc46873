import "server-only";
import fs from "node:fs";
import path from "node:path";
import { contentRoot } from "./files";
import { locateItemBy, readJsonContent } from "./json-file";
import { ContentError } from "./problems";
import { curriculumSchema, type CurriculumEntry } from "./schemas";

/** The course plan, in order: lessons that exist and those still to come (their cards and drills may exist first). */
export function listCurriculum(root = contentRoot()): CurriculumEntry[] {
  const file = path.join(/*turbopackIgnore: true*/ root, "curriculum.json");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return [];
  const { data, problems } = readJsonContent(file, curriculumSchema, locateItemBy("id"));
  if (problems.length) throw new ContentError(problems);
  return [...(data ?? [])].sort((a, b) => a.order - b.order);
}

/** The curriculum entry behind a content file name `NN-<id>` (a lesson, its exercises or its cards), or null. */
export function curriculumEntryFor(basename: string, curriculum: CurriculumEntry[]): CurriculumEntry | null {
  return curriculum.find((entry) => `${String(entry.order).padStart(2, "0")}-${entry.id}` === basename) ?? null;
}
