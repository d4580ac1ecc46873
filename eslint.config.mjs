import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** An import-direction rule for one folder: each entry says what may not be imported there, and why. */
function restrict(files, patterns) {
  return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
}

const appOnly = (why) => [
  { group: ["react", "react-dom", "react/*", "next", "next/*", "next-auth", "next-auth/*"], message: why },
  { group: ["@prisma/*", "@/lib/generated/*", "pg"], message: why },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  restrict(["lib/engine/**"], [
    ...appOnly("lib/engine is pure: the server, the browser, content:check and the CLI all run it."),
    { group: ["node:*", "fs", "path"], message: "lib/engine is pure: no file system or process access." },
    { group: ["@/lib/*", "!@/lib/engine", "!@/lib/engine/*"], message: "lib/engine imports nothing of the app." },
  ]),
  restrict(["lib/srs/**"], [
    ...appOnly("lib/srs is pure: time and cards are arguments."),
    { group: ["@/lib/*", "!@/lib/engine"], message: "lib/srs may import only lib/engine's types." },
  ]),
  restrict(["lib/content/**"], [
    { group: ["@prisma/*", "@/lib/generated/*", "@/lib/progress", "@/lib/progress/*", "@/lib/auth", "@/lib/auth/*"], message: "lib/content reads content/, never learner data." },
  ]),
  restrict(["lib/progress/**"], [
    { group: ["@/lib/auth", "@/lib/auth/*", "@/components/*", "react", "react-dom"], message: "lib/progress is the data layer: no auth or UI." },
  ]),
  restrict(["lib/auth/**"], [
    { group: ["@prisma/*", "@/lib/generated/*", "@/lib/progress/*"], message: "lib/auth reaches user records through lib/progress's entry only." },
  ]),
  restrict(["components/**"], [
    {
      group: ["@/lib/progress", "@/lib/progress/*", "@/lib/auth", "@/lib/auth/*", "@/lib/content", "@/lib/content/*", "@/lib/srs", "@/lib/srs/*", "@/lib/generated/*", "@prisma/*", "@/lib/env"],
      message: "Components get plain props from pages; they never read data or secrets themselves.",
    },
    {
      regex: "^@/lib/engine(?!/client$)",
      message: "Components may use only lib/engine/client (parser and formatter): reference answers stay on the server.",
    },
  ]),
  restrict(["app/**", "scripts/**", "tests/**"], [
    { regex: "^@/lib/engine/(?!client$)", message: "Import lib/engine through its entry, @/lib/engine." },
    { group: ["@/lib/progress/*", "@/lib/content/*", "@/lib/srs/*"], message: "Import a lib module through its entry (@/lib/<module>)." },
  ]),
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", ".data/**", "playwright-report/**", "test-results/**"]),
]);
