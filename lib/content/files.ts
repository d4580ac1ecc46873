import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/** The content folder: `content/` in the project, or ENVELOPE_CONTENT_DIR (tests point it at fixtures). */
export function contentRoot(): string {
  return env().ENVELOPE_CONTENT_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "content");
}

/** Files directly in `content/<folder>` whose names end with `suffix`, sorted, as absolute paths. */
export function listContentFiles(folder: string, suffix: string, root = contentRoot()): string[] {
  const dir = path.join(/*turbopackIgnore: true*/ root, folder);
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(/*turbopackIgnore: true*/ dir, name));
}

export function readContentFile(file: string): string {
  return fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
}

/** A file path as the content author sees it: relative to the project, e.g. content/lessons/02-numbers-to-know.mdx. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The 1-based line of character `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
