import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/** The content folder: `content/` in the project, or ENVELOPE_CONTENT_DIR (tests point it at fixtures). */
export function contentRoot(): string {
  return env().ENVELOPE_CONTENT_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "content");
}

/**
 * Whether the content files are taken as fixed for the life of the process: in production, where they ship with the
 * build (an edit is picked up on restart). Then they are listed once and never checked for edits, so a page costs no
 * file-system calls; in development and tests every read checks them, so an edit shows at once.
 */
export function contentIsFixed(): boolean {
  return process.env.NODE_ENV === "production";
}

const fixedListings = new Map<string, string[]>();

/** Files directly in `content/<folder>` whose names end with `suffix`, sorted, as absolute paths. */
export function listContentFiles(folder: string, suffix: string, root = contentRoot()): string[] {
  if (!contentIsFixed()) return listFolder(folder, suffix, root);
  const key = `${root}\0${folder}\0${suffix}`;
  let listed = fixedListings.get(key);
  if (!listed) {
    listed = listFolder(folder, suffix, root);
    fixedListings.set(key, listed);
  }
  return [...listed];
}

function listFolder(folder: string, suffix: string, root: string): string[] {
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

/** The part of a cache key that changes when any of `files` is added, removed or edited. */
function versionOf(files: readonly string[]): string {
  if (contentIsFixed()) return "fixed"; // the listing itself is kept once per process (listContentFiles)
  return files.map((file) => `${file}:${fs.statSync(/*turbopackIgnore: true*/ file).mtimeMs}`).join("|");
}

/**
 * A value read from content files, kept until the list of files or one of their modification times changes (content
 * is read once per process in production, without checking the files again, and again after an edit in development).
 * A read that throws is not kept.
 */
export function cacheByFiles<T>(): (files: readonly string[], read: () => T) => T {
  let cached: { key: string; value: T } | undefined;
  return (files, read) => {
    const key = versionOf(files);
    if (cached?.key !== key) cached = { key, value: read() };
    return cached.value;
  };
}

/** Like cacheByFiles, for work done per file that resolves later (compiling MDX); a rejected result is dropped. */
export function cachePerFile<T>(): (file: string, compute: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, { key: string; value: Promise<T> }>();
  return (file, compute) => {
    const key = versionOf([file]);
    const hit = cache.get(file);
    if (hit?.key === key) return hit.value;
    const value = compute();
    cache.set(file, { key, value });
    value.catch(() => cache.delete(file));
    return value;
  };
}
