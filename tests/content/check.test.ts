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
    "lessons/01-sample-lesson.mdx": `${frontmatter}\n## Idea\n\nIt is <Calc expr="3M * 10 / 1 day" unit="requests/s" />.\n\n<Estimate id="sample-qps" />\n`,
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
      label: "a table column without a header",
      files: {
        "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Estimate id="sample-qps" />\n\n<NumbersTable caption="Two" columns={["", "B-tree"]} rows={[["Writes", "In place"]]} />\n`,
      },
      expected: /^01-sample-lesson\.mdx:14: <NumbersTable> has a column with an empty header/,
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
      label: "a step rounded up with ceil that is not graded exactly",
      files: {
        "lessons/01-sample-lesson.exercises.json": JSON.stringify(
          [
            {
              ...exercise,
              steps: [
                ...exercise.steps,
                {
                  id: "servers",
                  prompt: "Servers at 100 requests/s each?",
                  formula: "ceil(qps / (100 requests/s))",
                  unit: "servers",
                },
              ],
            },
          ],
          null,
          2,
        ),
      },
      expected:
        /^01-sample-lesson\.exercises\.json:3: exercise "sample-qps" step "servers": its formula rounds up with ceil/,
    },
    {
      label: "a drill whose lesson is not its catalogue lesson",
      files: {
        "curriculum.json": JSON.stringify([
          { order: 1, id: "sample-lesson", module: "estimation", title: "A sample lesson" },
          { order: 2, id: "later-lesson", module: "estimation", title: "A later lesson" },
        ]),
        "drill-catalogue.json": JSON.stringify([{ code: "DR-01", title: "Sample QPS", lesson: "sample-lesson" }]),
        "drills/dr-01-sample-qps.json": JSON.stringify(
          {
            code: "DR-01",
            lesson: "later-lesson",
            skill: "average and peak QPS",
            exercise: { ...exercise, id: "drill-sample-qps", skill: undefined },
          },
          null,
          2,
        ),
      },
      expected:
        /^dr-01-sample-qps\.json:3: lesson "later-lesson" differs from the lesson "sample-lesson" that content\/drill-catalogue\.json gives DR-01/,
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

describe("a <Playground> starts its widget from its prediction's givens", () => {
  const prediction = {
    id: "sample-ring",
    title: "Predict the ring",
    skill: "keys that move on a reshard",
    scenario: "A ring of {nodes} with {vnodes} virtual nodes each gains a server.",
    givens: [
      { name: "nodes", label: "Servers", value: 4, unit: "servers" },
      { name: "vnodes", label: "Virtual nodes per server", value: 100, unit: "" },
    ],
    steps: [{ id: "share", prompt: "Share of keys that move?", formula: "1 / (nodes + 1)", unit: "%" }],
  };
  const withPlayground = (tag: string, givens = prediction.givens) => ({
    "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Estimate id="sample-qps" />\n\n${tag}\n`,
    "lessons/01-sample-lesson.exercises.json": JSON.stringify(
      [exercise, { ...prediction, scenario: givens.map((g) => `{${g.name}}`).join(", "), givens }],
      null,
      2,
    ),
  });

  test("a known widget with a prediction that feeds it passes", async () => {
    const problems = await problemsOf(withPlayground('<Playground kind="hash-ring" predict="sample-ring" />'));
    expect(problems.filter((p) => !/not recorded yet/.test(p))).toEqual([]);
  });

  test.each<{ label: string; files: Record<string, string>; expected: RegExp }>([
    {
      label: "an unknown widget",
      files: withPlayground('<Playground kind="pie" predict="sample-ring" />'),
      expected: /^01-sample-lesson\.mdx:14: <Playground kind="pie"> is not a widget; use one of cache-tiers, hash-ring/,
    },
    {
      label: "a prediction that is not an exercise of the lesson",
      files: withPlayground('<Playground kind="hash-ring" predict="missing" />'),
      expected: /^01-sample-lesson\.mdx:14: <Playground predict="missing"> names no exercise/,
    },
    {
      label: "a prediction without a given the widget reads",
      files: withPlayground('<Playground kind="hash-ring" predict="sample-ring" />', prediction.givens.slice(0, 1)),
      expected:
        /<Playground kind="hash-ring"> starts from a given "vnodes" \(a number\); exercise "sample-ring" has none/,
    },
    {
      label: "a given in another unit",
      files: withPlayground('<Playground kind="hash-ring" predict="sample-ring" />', [
        { ...prediction.givens[0]!, unit: "nodes" },
        prediction.givens[1]!,
      ]),
      expected: /given "nodes" of "sample-ring" is in "nodes"; the widget reads "servers"/,
    },
    {
      label: "a Playground without its prediction",
      files: withPlayground('<Playground kind="hash-ring" />'),
      expected: /<Playground> needs a predict attribute/,
    },
  ])("$label", async ({ files, expected }) => {
    const problems = await problemsOf(files);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});
