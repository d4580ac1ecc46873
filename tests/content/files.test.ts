import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
// The file cache is lib/content's own plumbing, not part of its entry; it is tested here directly.
// eslint-disable-next-line no-restricted-imports
import { cacheByFiles, listContentFiles } from "@/lib/content/files";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A content folder of its own, with one lesson file. */
function contentFolder(): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-content-"));
  fs.mkdirSync(path.join(root, "lessons"));
  const file = path.join(root, "lessons", "01-a.mdx");
  fs.writeFileSync(file, "first");
  return { root, file };
}

/** Read every lesson's text through a cache, as lib/content's readers do. */
function reader(root: string) {
  const cache = cacheByFiles<string[]>();
  return () => {
    const files = listContentFiles("lessons", ".mdx", root);
    return cache(files, () => files.map((file) => fs.readFileSync(file, "utf8")));
  };
}

/** Set a file's modification time a second on, so an edit is seen even within the file system's time resolution. */
function touchLater(file: string) {
  const later = new Date(fs.statSync(file).mtimeMs + 1000);
  fs.utimesSync(file, later, later);
}

describe("content read through the file cache", () => {
  test("in development and tests, an edited or added file is read again at once", () => {
    const { root, file } = contentFolder();
    const read = reader(root);
    expect(read()).toEqual(["first"]);
    fs.writeFileSync(file, "edited");
    touchLater(file);
    expect(read()).toEqual(["edited"]);
    fs.writeFileSync(path.join(root, "lessons", "02-b.mdx"), "second");
    expect(read()).toEqual(["edited", "second"]);
  });

  test("in production, content is listed and read once for the life of the process", () => {
    vi.stubEnv("NODE_ENV", "production");
    const { root, file } = contentFolder();
    const read = reader(root);
    expect(read()).toEqual(["first"]);
    fs.writeFileSync(file, "edited");
    touchLater(file);
    fs.writeFileSync(path.join(root, "lessons", "02-b.mdx"), "second");
    const statSync = vi.spyOn(fs, "statSync");
    const readdirSync = vi.spyOn(fs, "readdirSync");
    expect(read()).toEqual(["first"]);
    expect(statSync).not.toHaveBeenCalled();
    expect(readdirSync).not.toHaveBeenCalled();
    statSync.mockRestore();
    readdirSync.mockRestore();
  });
});
