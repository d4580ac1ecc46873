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
  restrict(
    ["lib/engine/**"],
    [
      ...appOnly("lib/engine is pure: the server, the browser, content:check and the CLI all run it."),
      { group: ["node:*", "fs", "path"], message: "lib/engine is pure: no file system or process access." },
      { group: ["@/lib/*", "!@/lib/engine", "!@/lib/engine/*"], message: "lib/engine imports nothing of the app." },
    ],
  ),
  restrict(["lib/srs/**"], [...appOnly("lib/srs is pure: time and cards are arguments.")]),
  {
    files: ["lib/srs/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/*"], allowTypeImports: true, message: "lib/srs may import only types from lib/engine." },
          ],
        },
      ],
    },
  },
  restrict(
    ["lib/cases/**"],
    [
      ...appOnly("lib/cases is pure: a case's state and the learner's work are arguments."),
      { group: ["node:*", "fs", "path"], message: "lib/cases is pure: no file system or process access." },
      { group: ["@/lib/*", "!@/lib/engine"], message: "lib/cases imports nothing of the app but the engine." },
    ],
  ),
  restrict(
    ["lib/plan/**"],
    [
      ...appOnly("lib/plan is pure: the catalogue, the learner's state and today are arguments."),
      { group: ["node:*", "fs", "path"], message: "lib/plan is pure: no file system or process access." },
      {
        regex: "^@/lib/(?!srs$)",
        message:
          "lib/plan imports only lib/srs (the day keys); the page passes the catalogue and the learner's state in.",
      },
    ],
  ),
  restrict(
    ["lib/widgets/**"],
    [
      ...appOnly("lib/widgets is pure: a widget's sliders are arguments."),
      { group: ["node:*", "fs", "path"], message: "lib/widgets is pure: no file system or process access." },
      {
        regex: "^@/lib/(?!engine/client$)",
        message: "lib/widgets runs in the browser: it imports only lib/engine/client.",
      },
    ],
  ),
  restrict(
    ["lib/content/**"],
    [
      {
        group: ["@prisma/*", "@/lib/generated/*", "@/lib/progress", "@/lib/progress/*", "@/lib/auth", "@/lib/auth/*"],
        message: "lib/content reads content/, never learner data.",
      },
    ],
  ),
  restrict(
    ["lib/progress/**"],
    [
      {
        group: ["@/lib/auth", "@/lib/auth/*", "@/components/*", "react", "react-dom"],
        message: "lib/progress is the data layer: no auth or UI.",
      },
    ],
  ),
  restrict(
    ["lib/auth/**"],
    [
      {
        group: ["@prisma/*", "@/lib/generated/*", "@/lib/progress/*"],
        message: "lib/auth reaches user records through lib/progress's entry only.",
      },
    ],
  ),
  restrict(
    ["components/**"],
    [
      {
        regex: "^@/lib/(?!((engine|srs|progress|widgets)/client|widgets/kinds)$)",
        message:
          "Components get plain props from pages and import only the client entries (lib/engine/client, lib/srs/client, " +
          "lib/progress/client, lib/widgets/client, and lib/widgets/kinds for a lesson's first load): no data, secrets or " +
          "reference answers reach the browser.",
      },
      { group: ["@prisma/*"], message: "Components never touch the database." },
      {
        group: ["zod"],
        message:
          "Requests are validated on the server; the browser gets their types from the client entries (zod would ship on every page).",
      },
    ],
  ),
  restrict(
    ["app/**"],
    [
      { regex: "^@/lib/engine/(?!client$)", message: "Import lib/engine through its entry, @/lib/engine." },
      {
        group: ["@/lib/progress/*", "@/lib/content/*", "@/lib/srs/*", "@/lib/plan/*"],
        message: "Import a lib module through its entry (@/lib/<module>).",
      },
      {
        group: ["@/lib/generated/*", "@prisma/*"],
        message: "Pages and route handlers reach the database only through lib/progress.",
      },
    ],
  ),
  restrict(
    ["scripts/**", "tests/**"],
    [
      { regex: "^@/lib/engine/(?!client$)", message: "Import lib/engine through its entry, @/lib/engine." },
      {
        group: [
          "@/lib/progress/*",
          "@/lib/content/*",
          "@/lib/srs/*",
          "@/lib/plan/*",
          "!@/lib/progress/client",
          "!@/lib/srs/client",
        ],
        message: "Import a lib module through its entry (@/lib/<module>).",
      },
    ],
  ),
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
