import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/** The frontmatter of the one lesson a sample content folder holds. */
export const SAMPLE_FRONTMATTER = `---
id: sample-lesson
title: A sample lesson
summary: A lesson made by the test to check the checker.
module: estimation
order: 1
minutes: 5
prerequisites: []
sources: ["000 Part 2"]
---
`;

/**
 * Content folders of a test's own, to run content:check on: `write(files)` makes one from the given files (name →
 * text) and every folder is removed after each test. Call once at the top of a test file.
 */
export function sampleContentFolders(prefix: string): { write: (files: Record<string, string>) => string } {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    write(files) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      roots.push(root);
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      return root;
    },
  };
}
