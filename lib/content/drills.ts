import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { exerciseSpecSchema, type ExerciseSpec } from "@/lib/engine";
import { cacheByFiles, contentRoot, listContentFiles } from "./files";
import { lineOfValue, locateItemBy, readJsonContent } from "./json-file";
import { ContentError, type ContentProblem } from "./problems";
import { drillCatalogueSchema, type DrillCatalogueEntry } from "./schemas";

export const drillSchema = z.strictObject({
  /** The catalogue code, DR-01 … DR-40. */
  code: z.string().regex(/^DR-\d{2}$/, { message: 'must be a catalogue code such as "DR-07"' }),
  /** The lesson that teaches the skill. */
  lesson: z.string().min(1),
  /** The skill in a few words, as the practice page and the weakest-skills list name it. */
  skill: z.string().min(3).max(80),
  exercise: exerciseSpecSchema,
});

export type Drill = Omit<z.infer<typeof drillSchema>, "exercise"> & {
  id: string;
  exercise: ExerciseSpec;
  file: string;
  /** True when it asks for 80 % ranges (calibration practice). */
  calibration: boolean;
};

export function readDrillFile(file: string): { drill?: Drill; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, drillSchema, (text, issuePath) => {
    const key = issuePath[0];
    if (key === "exercise" && issuePath.length > 1)
      return lineOfValue(text, "id", String(issuePath[1] ?? "")) ?? undefined;
    return typeof key === "string" ? textLine(text, `"${key}"`) : undefined;
  });
  if (!data) return { problems };
  const calibration = data.exercise.steps.some((step) => step.tolerance?.kind === "range");
  return { drill: { ...data, id: data.exercise.id, exercise: data.exercise, file, calibration }, problems };
}

function textLine(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split("\n").length;
}

export function listDrillFiles(root = contentRoot()): string[] {
  return listContentFiles("drills", ".json", root);
}

const drillsCache = cacheByFiles<Drill[]>();

/** Every drill, in catalogue order. Throws ContentError when a drill file is invalid. */
export function listDrills(): Drill[] {
  const files = listDrillFiles();
  return drillsCache(files, () => readDrills(files));
}

function readDrills(files: readonly string[]): Drill[] {
  const problems: ContentProblem[] = [];
  const drills: Drill[] = [];
  for (const file of files) {
    const result = readDrillFile(file);
    problems.push(...result.problems);
    if (result.drill) drills.push(result.drill);
  }
  if (problems.length) throw new ContentError(problems);
  drills.sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
  return drills;
}

export function getDrill(id: string): Drill | null {
  return listDrills().find((drill) => drill.id === id) ?? null;
}

/** The whole drill catalogue (content/drill-catalogue.json), in code order. */
export function listDrillCatalogue(root = contentRoot()): DrillCatalogueEntry[] {
  const file = path.join(/*turbopackIgnore: true*/ root, "drill-catalogue.json");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return [];
  const { data, problems } = readJsonContent(file, drillCatalogueSchema, locateItemBy("code"));
  if (problems.length) throw new ContentError(problems);
  return [...(data ?? [])].sort((a, b) => a.code.localeCompare(b.code));
}
