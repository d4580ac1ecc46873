import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent, formatProblem } from "@/lib/content";
import { SAMPLE_FRONTMATTER, sampleContentFolders } from "../helpers/sample-content";

const sample = sampleContentFolders("envelope-worked-");

/** 5M users × 35 requests a day: 2,025.5 requests/s on average, 6,076.4 at a 3× peak. */
const qps = {
  id: "sample-qps",
  title: "Sample QPS",
  skill: "average and peak QPS",
  scenario: "An app has {dau} daily users making {actions} requests each; the peak is {factor} times the average.",
  givens: [
    { name: "dau", label: "Daily users", value: 5_000_000, unit: "users", vary: { min: 100_000, max: 10_000_000 } },
    { name: "actions", label: "Requests per user per day", value: 35, unit: "" },
    { name: "factor", label: "Peak factor", value: 3, unit: "" },
  ],
  steps: [
    { id: "avg", prompt: "Average requests per second?", formula: "dau * actions / 1 day", unit: "requests/s" },
    { id: "peak", prompt: "Peak requests per second?", formula: "avg * factor", unit: "requests/s" },
  ],
};

/** Probes every {interval}, removed after {failures} failures: 15 s; and a majority of {nodes} voters: 3. */
const small = {
  id: "sample-small",
  title: "Sample small numbers",
  skill: "average and peak QPS",
  scenario: "A balancer probes every {interval} and removes a backend after {failures} failures; {nodes} voters.",
  givens: [
    { name: "interval", label: "Probe interval", value: 5, unit: "s", vary: { min: 2, max: 10 } },
    { name: "failures", label: "Failures before removal", value: 3, unit: "" },
    { name: "nodes", label: "Voters", value: 5, unit: "nodes" },
  ],
  steps: [
    { id: "window", prompt: "Worst-case detection time?", formula: "interval * failures", unit: "s" },
    {
      id: "majority",
      prompt: "Votes for a majority?",
      formula: "floor(nodes / 2) + 1",
      unit: "nodes",
      tolerance: { kind: "exact" },
    },
  ],
};

/** The problems content:check finds in a one-lesson folder whose body is `body`, as "file:line: message". */
async function problemsOf(body: string): Promise<string[]> {
  const root = sample.write({
    "lessons/01-sample-lesson.mdx": `${SAMPLE_FRONTMATTER}\n${body}`,
    "lessons/01-sample-lesson.exercises.json": JSON.stringify([qps, small], null, 2),
    "published-ids.json": JSON.stringify(["sample-lesson", "sample-qps", "sample-small"]),
    "curriculum.json": JSON.stringify([
      { order: 1, id: "sample-lesson", module: "estimation", title: "A sample lesson" },
    ]),
  });
  const report = await checkContent(root);
  return report.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
}

const placements = `<Estimate id="sample-qps" />\n\n<Estimate id="sample-small" />\n`;

describe("content:check: a lesson does not work an exercise's own numbers before the learner tries it", () => {
  test.each<{ label: string; body: string; expected: RegExp[] }>([
    {
      label: "a Calc written with the exercise's givens, above it",
      body: `## Worked\n\n5M users at 35 requests a day make <Calc expr="5M * 35 / 1 day" unit="requests/s" />.\n\n${placements}`,
      expected: [
        /^01-sample-lesson\.mdx:14: <Calc expr="5M \* 35 \/ 1 day"> works out step "avg" of exercise "sample-qps" \(2,025\.46 requests\/s\) from its own givens before the learner tries it on line 16/,
      ],
    },
    {
      label: "a later step, worked through a Calc of the earlier one",
      body: `## Worked\n\nAt a 3× peak: <Calc expr="5M * 35 / 1 day * 3" unit="requests/s" />.\n\n${placements}`,
      expected: [/^01-sample-lesson\.mdx:14: .* step "peak" of exercise "sample-qps" \(6,076\.39 requests\/s\)/],
    },
    {
      label: "a typed number in a section that states the givens",
      body: `## Worked\n\nTake 5 million users, 35 requests each a day.\n\nThat is about 2,030 requests a second.\n\n${placements}`,
      expected: [/^01-sample-lesson\.mdx:16: 2,030 works out step "avg" of exercise "sample-qps"/],
    },
    {
      label: "a small answer a Calc works out of two of the givens",
      body: `## Probes\n\nProbes every 5 s, three failures: gone after <Calc expr="5 s * 3" unit="s" />.\n\n${placements}`,
      expected: [
        /^01-sample-lesson\.mdx:14: <Calc expr="5 s \* 3"> works out step "window" of exercise "sample-small" \(15 s\)/,
      ],
    },
  ])("flags $label", async ({ body, expected }) => {
    const problems = await problemsOf(body);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
  });

  test.each<{ label: string; body: string }>([
    {
      label: "the same worked numbers after the exercise",
      body: `${placements}\n## Worked\n\n5M users at 35 requests a day make <Calc expr="5M * 35 / 1 day" unit="requests/s" />.\n`,
    },
    {
      label: "a worked example with different givens",
      body: `## Worked\n\n2M users at 35 requests a day make <Calc expr="2M * 35 / 1 day" unit="requests/s" />.\n\n${placements}`,
    },
    {
      label: "the answer's number in a section that does not state the givens",
      body: `## Elsewhere\n\nA disk reads about 2,030 pages a second.\n\n## Worked\n\nTake 5 million users, 35 requests each.\n\n${placements}`,
    },
    {
      label: "a year that comes within 1 % of an answer",
      body: `## Worked\n\n5M users and 35 requests a day, as one guide put it in 2025.\n\n${placements}`,
    },
    {
      label: "a rule shown on one small given (a majority of 5 is 3)",
      body: `## Quorum\n\nFive voters need <Calc expr="floor(5 / 2) + 1" unit="" /> votes.\n\n${placements}`,
    },
    {
      label: "a number of another kind that happens to be equal",
      body: `## Worked\n\n5M users, 35 requests: a log of <Calc expr="2025.46 MB" unit="MB" />.\n\n${placements}`,
    },
  ])("leaves alone $label", async ({ body }) => {
    expect(await problemsOf(body)).toEqual([]);
  });
});
