import "server-only";
import path from "node:path";
import { cacheByFiles, contentRoot, listContentFiles } from "./files";
import { locateItemBy, readJsonContent } from "./json-file";
import { curriculumEntryFor, listCurriculum } from "./curriculum";
import { ContentError, type ContentProblem } from "./problems";
import { cardListSchema, type Card, type CurriculumEntry, type ModuleId } from "./schemas";

export function listCardFiles(root = contentRoot()): { file: string; basename: string }[] {
  return listContentFiles("cards", ".json", root).map((file) => ({ file, basename: path.basename(file, ".json") }));
}

/** Read one card list, pointing schema problems at the card they are about. */
export function readCardFile(file: string): { cards: Card[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, cardListSchema, locateItemBy("id"));
  return { cards: data ?? [], problems };
}

export type CardEntry = Card & { lessonId: string; module: ModuleId };

const cardsCache = cacheByFiles<Map<string, CardEntry>>();

/** Every flashcard, by id, with the lesson and module it belongs to (from the curriculum, so cards may come before their lesson). */
export function listCards(): Map<string, CardEntry> {
  const curriculum = listCurriculum();
  const files = listCardFiles();
  return cardsCache(
    files.map((f) => f.file),
    () => readCards(files, curriculum),
  );
}

function readCards(files: { file: string; basename: string }[], curriculum: CurriculumEntry[]): Map<string, CardEntry> {
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
  return cards;
}

export function getCard(id: string): CardEntry | null {
  return listCards().get(id) ?? null;
}
