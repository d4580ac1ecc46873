import fs from "node:fs";
import { describe, expect, test } from "vitest";

type LockEntry = { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };

/** Where npm would find `name` for the package at `at`: its own node_modules, then each enclosing one, then the root. */
function resolves(packages: Record<string, LockEntry>, at: string, name: string): boolean {
  let scope = at;
  for (;;) {
    if (`${scope ? `${scope}/` : ""}node_modules/${name}` in packages) return true;
    if (scope === "") return false;
    const cut = scope.lastIndexOf("/node_modules/");
    scope = cut < 0 ? "" : scope.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  test("every dependency a locked package names is locked too, so `npm ci` accepts the lock", () => {
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockEntry> };
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }))
        if (!resolves(lock.packages, at, name)) missing.push(`${at || "the project"} → ${name}`);
    }
    // A platform package the registry does not publish at that version cannot be locked; npm ci then refuses the
    // whole lock. The README's "Dependencies and audit" says how to take it out of the lock.
    expect(missing).toEqual([]);
  });
});
