import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent, formatProblem, SEEDS_CHECKED } from "@/lib/content";
import { SAMPLE_FRONTMATTER, sampleContentFolders } from "../helpers/sample-content";

describe("the course content", () => {
  test("compiles and checks with no problems", async () => {
    const report = await checkContent();
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.newIds).toEqual([]);
    expect(report.lessons).toBeGreaterThanOrEqual(6);
    expect(report.variantsBuilt).toBe(
      (report.exercises + report.drills + report.caseExercises + report.audits) * SEEDS_CHECKED,
    );
  }, 120_000);
});

const sample = sampleContentFolders("envelope-content-");
const frontmatter = SAMPLE_FRONTMATTER;

const exercise = {
  id: "sample-qps",
  title: "Sample QPS",
  skill: "average and peak QPS",
  scenario: "An app has {dau} daily users making {actions} requests each.",
  givens: [
    { name: "dau", label: "Daily users", value: 1000000, unit: "users", vary: { min: 100000, max: 10000000 } },
    { name: "actions", label: "Requests per user per day", value: 10, unit: "" },
  ],
  steps: [{ id: "qps", prompt: "Average requests per second?", formula: "dau * actions / 1 day", unit: "requests/s" }],
};

/** A content folder with one lesson, its exercises and cards; `edit` changes files before the check. */
function makeContent(files: Record<string, string>): string {
  return sample.write({
    "lessons/01-sample-lesson.mdx": `${frontmatter}\n## Idea\n\nIt is <Calc expr="1M * 10 / 1 day" unit="requests/s" />.\n\n<Estimate id="sample-qps" />\n`,
    "lessons/01-sample-lesson.exercises.json": JSON.stringify([exercise], null, 2),
    "cards/01-sample-lesson.json": JSON.stringify(
      [{ id: "sample-card", q: "Seconds in a day?", a: "86,400" }],
      null,
      2,
    ),
    "published-ids.json": JSON.stringify(["sample-card", "sample-lesson", "sample-qps"]),
    "curriculum.json": JSON.stringify([
      { order: 1, id: "sample-lesson", module: "estimation", title: "A sample lesson" },
    ]),
    ...files,
  });
}

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const root = makeContent(files);
  const report = await checkContent(root);
  return report.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
}

describe("content:check finds problems and names file and line", () => {
  test("a clean sample passes", async () => {
    expect(await problemsOf({})).toEqual([]);
  });

  test.each<{ label: string; files: Record<string, string>; expected: RegExp }>([
    {
      label: "a Calc whose units do not match",
      files: {
        "lessons/01-sample-lesson.mdx": `${frontmatter}\nLine.\n\n<Calc expr="1M * 10" unit="requests/s" />\n\n<Estimate id="sample-qps" />\n`,
      },
      expected: /^01-sample-lesson\.mdx:14: <Calc expr="1M \* 10" unit="requests\/s">: /,
    },
    {
      label: "an Estimate that names no exercise",
      files: {
        "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Estimate id="sample-qps" />\n\n<Estimate id="missing" />\n`,
      },
      expected: /^01-sample-lesson\.mdx:14: <Estimate id="missing"> names no exercise/,
    },
    {
      label: "an unknown component",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Estimate id="sample-qps" />\n<Chart />\n` },
      expected: /^01-sample-lesson\.mdx:13: unknown component <Chart>/,
    },
    {
      label: "MDX that does not compile",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Estimate id="sample-qps" />\n\n<Callout>unclosed\n` },
      expected: /^01-sample-lesson\.mdx(:\d+)?: MDX does not compile/,
    },
    {
      label: "frontmatter with a bad module",
      files: {
        "lessons/01-sample-lesson.mdx":
          frontmatter.replace("module: estimation", "module: misc") + `\n<Estimate id="sample-qps" />\n`,
      },
      expected: /^01-sample-lesson\.mdx:5: frontmatter module: /,
    },
    {
      label: "an exercise formula naming an unknown given",
      files: {
        "lessons/01-sample-lesson.exercises.json": JSON.stringify(
          [{ ...exercise, steps: [{ ...exercise.steps[0], formula: "dau * nope / 1 day" }] }],
          null,
          2,
        ),
      },
      expected: /^01-sample-lesson\.exercises\.json:3: /,
    },
    {
      label: "an exercise that names no skill",
      files: {
        "lessons/01-sample-lesson.exercises.json": JSON.stringify([{ ...exercise, skill: undefined }], null, 2),
      },
      expected: /^01-sample-lesson\.exercises\.json:3: 0\.skill: name the skill it practises/,
    },
    {
      label: "exercise JSON that does not parse",
      files: { "lessons/01-sample-lesson.exercises.json": '[\n  { "id": "sample-qps",\n  oops\n]' },
      expected: /^01-sample-lesson\.exercises\.json:3: not valid JSON/,
    },
    {
      label: "a card id used twice",
      files: {
        "cards/01-sample-lesson.json": JSON.stringify(
          [
            { id: "sample-card", q: "One?", a: "1" },
            { id: "sample-card", q: "Two?", a: "2" },
          ],
          null,
          2,
        ),
      },
      expected: /^01-sample-lesson\.json:\d+: card id "sample-card" is already used/,
    },
    {
      label: "cards for a lesson the curriculum does not plan",
      files: { "cards/09-unplanned.json": JSON.stringify([{ id: "other-card", q: "Question?", a: "Answer" }]) },
      expected: /^09-unplanned\.json: 09-unplanned is not a lesson of content\/curriculum\.json/,
    },
    {
      label: "a published id that is gone",
      files: { "published-ids.json": JSON.stringify(["old-card", "sample-card", "sample-lesson", "sample-qps"]) },
      expected: /^published-ids\.json(:\d+)?: published id "old-card" is gone/,
    },
  ])("$label", async ({ files, expected }) => {
    const problems = await problemsOf(files);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});
