import "server-only";
import type { z } from "zod";
import { displayPath, lineAt, readContentFile } from "./files";
import type { ContentProblem } from "./problems";

/** The line of the first `"key": "value"` in a JSON text, to point a message at an item. */
export function lineOfValue(text: string, key: string, value: string): number | undefined {
  const index = text.indexOf(`"${key}": ${JSON.stringify(value)}`);
  return index >= 0 ? lineAt(text, index) : undefined;
}

/**
 * Read a JSON content file and validate it. Problems carry the file and, where it can be found, the line: of a syntax
 * error, or of the item (found by `locate`) that a schema issue is about.
 */
export function readJsonContent<S extends z.ZodType>(
  file: string,
  schema: S,
  locate: (text: string, path: PropertyKey[], data: unknown) => number | undefined,
): { data?: z.infer<S>; problems: ContentProblem[] } {
  const shown = displayPath(file);
  const text = readContentFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    return {
      problems: [
        {
          file: shown,
          line: position ? lineAt(text, Number(position[1])) : undefined,
          message: `not valid JSON: ${message}`,
        },
      ],
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file: shown,
        line: locate(text, issue.path, json),
        message: `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`,
      })),
    };
  }
  return { data: parsed.data, problems: [] };
}

/** A locator for JSON arrays of objects: point an issue about item i at the line of that item's `key` value. */
export function locateItemBy(key: string) {
  return (text: string, issuePath: PropertyKey[], json: unknown): number | undefined => {
    const index = issuePath[0];
    if (typeof index !== "number" || !Array.isArray(json)) return undefined;
    const item: unknown = json[index];
    if (typeof item !== "object" || item === null || !(key in item)) return undefined;
    const value: unknown = Object.entries(item).find(([k]) => k === key)?.[1];
    return typeof value === "string" ? lineOfValue(text, key, value) : undefined;
  };
}
