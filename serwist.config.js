// @ts-check
// Configurator mode of Serwist: `serwist build` runs after `next build` (see the "build" script), reads this file,
// precaches the build's static files, the offline page and any prerendered page, and bundles sw/sw.ts into
// public/sw.js.
// It does not hook into the bundler, so it works with Turbopack builds.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { generateGlobPatterns, serwist } from "@serwist/next/config";

/** The id of the build just made: every cache name carries it, so the next deployment replaces the caches whole. */
function readBuildId() {
  const file = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!fs.existsSync(file)) {
    throw new Error(`No ${file}: run \`next build\` before \`serwist build\` (\`npm run build\` does both).`);
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** The offline page, precached by hand: Serwist's glob of public/ turns `public/offline.html` into "/public/offline". */
function offlinePage() {
  const content = fs.readFileSync(path.join(process.cwd(), "public", "offline.html"));
  return { url: "/offline.html", revision: crypto.createHash("sha256").update(content).digest("hex").slice(0, 16) };
}

const buildId = readBuildId();

export default await serwist({
  swSrc: "sw/sw.ts",
  swDest: "public/sw.js",
  // The build's hashed static files (scripts, styles, icons); public/ holds only the worker and the offline page.
  globPatterns: generateGlobPatterns(".next/").filter((pattern) => !pattern.startsWith("public/")),
  additionalPrecacheEntries: [offlinePage()],
  // Prerendered lessons are kept when the learner opens them (the runtime page cache), not all at install: together
  // they are megabytes a phone would download on its first visit. The home page is prerendered for visitors only (the
  // proxy sends a learner to Today), so a precached copy, served before the network, would keep a learner on it.
  globIgnores: [".next/server/app/learn/**", ".next/server/app/index.html"],
  // Lesson pages in a build are large prerendered files at most; the limit only stops an accidental huge file.
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  esbuildOptions: { define: { __ENVELOPE_BUILD_ID__: JSON.stringify(buildId) } },
});
