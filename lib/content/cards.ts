import "server-only";
import path from "node:path";
import { contentRoot, listContentFiles } from "./files";
import { lineOfValue, readJsonContent } from "./json-file";
import type { ContentProblem } from "./problems";
import { cardListSchema, type Card } from "./schemas";

export function listCardFiles(root = contentRoot()): { file: string; basename: string }[] {
  return listContentFiles("cards", ".json", root).map((file) => ({ file, basename: path.basename(file, ".json") }));
}

/** Read one card list, pointing schema problems at the card they are about. */
export function readCardFile(file: string): { cards: Card[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, cardListSchema, (text, issuePath, json) => {
    const index = issuePath[0];
    if (typeof index !== "number" || !Array.isArray(json)) return undefined;
    const item: unknown = json[index];
    return typeof item === "object" && item !== null && "id" in item && typeof item.id === "string"
      ? lineOfValue(text, "id", item.id)
      : undefined;
  });
  return { cards: data ?? [], problems };
}
