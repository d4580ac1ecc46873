import "server-only";
import fs from "node:fs";
import path from "node:path";
import { contentRoot, listContentFiles } from "./files";
import { locateItemBy, readJsonContent } from "./json-file";
import { curriculumEntryFor, listCurriculum } from "./curriculum";
import { ContentError, type ContentProblem } from "./problems";
import { cardListSchema, type Card, type ModuleId } from "./schemas";

export function listCardFiles(root = contentRoot()): { file: string; basename: string }[] {
  return listContentFiles("cards", ".json", root).map((file) => ({ file, basename: path.basename(file, ".json") }));
}

/** Read one card list, pointing schema problems at the card they are about. */
export function readCardFile(file: string): { cards: Card[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, cardListSchema, locateItemBy("id"));
  return { cards: data ?? [], problems };
}

export type CardEntry = Card & { lessonId: string; module: ModuleId };

let cached: { key: string; cards: Map<string, CardEntry> } | undefined;

/** Every flashcard, by id, with the lesson and module it belongs to (from the curriculum, so cards may come before their lesson). */
export function listCards(): Map<string, CardEntry> {
  const curriculum = listCurriculum();
  const files = listCardFiles();
  const key = files.map((f) => `${f.file}:${fs.statSync(/*turbopackIgnore: true*/ f.file).mtimeMs}`).join("|");
  if (cached?.key === key) return cached.cards;
  const cards = new Map<string, CardEntry>();
  const problems: ContentProblem[] = [];
  for (const { file, basename } of files) {
    const entry = curriculumEntryFor(basename, curriculum);
    const result = readCardFile(file);
    problems.push(...result.problems);
    if (!entry) continue;
    for (const card of result.cards) cards.set(card.id, { ...card, lessonId: entry.id, module: entry.module });
  }
  if (problems.length) throw new ContentError(problems);
  cached = { key, cards };
  return cards;
}

export function getCard(id: string): CardEntry | null {
  return listCards().get(id) ?? null;
}
