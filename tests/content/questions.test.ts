import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  auditExerciseSpec,
  auditSchema,
  checkContent,
  choiceQuestionSchema,
  formatProblem,
  judgementSchema,
  SEEDS_CHECKED,
} from "@/lib/content";
import { caseChoiceSchema } from "@/lib/content";
import { buildExercise, gradeExercise } from "@/lib/engine";
import { AUDIT, JUDGEMENT } from "../helpers/question-content";
import { SAMPLE_FRONTMATTER, sampleContentFolders } from "../helpers/sample-content";

// The question tests' own judgement and audit, under ids of this file.
const judgement = { ...JUDGEMENT, id: "judge-cache-or-replica" };
const audit = { ...AUDIT, id: "audit-seconds-in-a-day", source: "000 Part 2" };

describe("the shared choice question", () => {
  test("a case's choice keeps its own limits (question ≤ 300) on the shared schema", () => {
    const long = "Which one? ".repeat(40);
    const { skill: _skill, ...choice } = judgement;
    expect(choiceQuestionSchema.safeParse({ ...choice, id: "x", question: long }).success).toBe(true);
    const caseChoice = caseChoiceSchema;
    expect(caseChoice.safeParse({ ...choice, id: "redirect" }).success).toBe(true);
    expect(caseChoice.safeParse({ ...choice, id: "redirect", question: long }).success).toBe(false);
  });

  test.each([
    { label: "a valid judgement", item: judgement, message: null },
    { label: "an answer that is no option", item: { ...judgement, answer: "queue" }, message: /answer must be one/ },
    {
      label: "option ids that repeat",
      item: {
        ...judgement,
        options: [
          { id: "cache", text: "A cache" },
          { id: "cache", text: "Another cache" },
        ],
      },
      message: /option ids repeat: cache/,
    },
    { label: "an id without the judge- prefix", item: { ...judgement, id: "cache-or-replica" }, message: /judge-/ },
    { label: "no skill", item: { ...judgement, skill: undefined }, message: /skill/ },
    { label: "one option", item: { ...judgement, options: [judgement.options[0]] }, message: /2/ },
    { label: "a short why", item: { ...judgement, why: "Because." }, message: /20/ },
    { label: "an unknown key", item: { ...judgement, hint: "x" }, message: /Unrecognized key/ },
  ])("$label", ({ item, message }) => {
    const parsed = judgementSchema.safeParse(item);
    if (message === null) expect(parsed.success).toBe(true);
    else expect(parsed.error?.issues.map((issue) => issue.message).join("\n")).toMatch(message);
  });
});

describe("an audit", () => {
  test("its fix builds as a one-step exercise with the audit's id whose reference scores full marks", () => {
    const parsed = auditSchema.parse(audit);
    const spec = auditExerciseSpec(parsed);
    expect(spec.id).toBe("audit-seconds-in-a-day");
    expect(spec.steps.map((step) => step.id)).toEqual(["fix"]);
    const built = buildExercise(spec, 0);
    expect(gradeExercise(built, { fix: "100 requests/s" }).score).toBe(1);
    expect(gradeExercise(built, { fix: "2400 requests/s" }).score).toBeLessThan(0.5);
  });

  test.each([
    {
      label: "a wrongLine past the lines",
      item: { ...audit, wrongLine: 3 },
      path: "wrongLine",
      message: /one of the 3/,
    },
    {
      label: "a fix formula naming an unknown given",
      item: { ...audit, fix: { ...audit.fix, formula: "m / 1 day" } },
      path: "fix.formula",
      message: /m/,
    },
    {
      label: "a fix of the wrong dimension",
      item: { ...audit, fix: { ...audit.fix, unit: "GB" } },
      path: "fix.formula",
      message: /./,
    },
    {
      label: "a given with a unit that does not parse",
      item: { ...audit, fix: { ...audit.fix, givens: [{ ...audit.fix.givens[0], unit: "furlongs" }] } },
      path: "fix.givens.0.unit",
      message: /./,
    },
    {
      label: "two lines",
      item: { ...audit, lines: audit.lines.slice(0, 2), wrongLine: 0 },
      path: "lines",
      message: /3/,
    },
  ])("$label is refused at $path", ({ item, path: at, message }) => {
    const parsed = auditSchema.safeParse(item);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((i) => i.path.join(".") === at);
    expect(issue?.message).toMatch(message);
  });
});

// content:check on a small folder of our own.
const sample = sampleContentFolders("envelope-questions-");
const frontmatter = SAMPLE_FRONTMATTER;
const body = `\n## Idea\n\nText.\n\n<Judgement id="judge-cache-or-replica" />\n\n<Audit id="audit-seconds-in-a-day" />\n`;

function makeContent(files: Record<string, string>): string {
  return sample.write({
    "lessons/01-sample-lesson.mdx": `${frontmatter}${body}`,
    "lessons/01-sample-lesson.judgements.json": JSON.stringify([judgement], null, 2),
    "lessons/01-sample-lesson.audits.json": JSON.stringify([audit], null, 2),
    "published-ids.json": JSON.stringify(["sample-lesson"]),
    "curriculum.json": JSON.stringify([{ order: 1, id: "sample-lesson", module: "estimation", title: "A sample" }]),
    ...files,
  });
}

async function check(files: Record<string, string>) {
  const report = await checkContent(makeContent(files));
  return { report, problems: report.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) })) };
}

describe("content:check with judgement questions and audits", () => {
  test("a clean sample passes, counts them, builds the audit's fix and lists their ids as new", async () => {
    const { report, problems } = await check({});
    expect(problems).toEqual([]);
    expect(report.judgements).toBe(1);
    expect(report.audits).toBe(1);
    expect(report.variantsBuilt).toBe(SEEDS_CHECKED);
    expect(report.newIds).toEqual(["audit-seconds-in-a-day", "judge-cache-or-replica"]);
  });

  test.each<{ label: string; files: Record<string, string>; expected: RegExp }>([
    {
      label: "a Judgement tag naming no question of the lesson",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}${body}\n<Judgement id="judge-missing" />\n` },
      expected:
        /^01-sample-lesson\.mdx:20: <Judgement id="judge-missing"> names no judgement in this lesson's \.judgements\.json$/,
    },
    {
      label: "an Audit tag naming no audit of the lesson",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}${body}\n<Audit id="audit-missing" />\n` },
      expected: /^01-sample-lesson\.mdx:20: <Audit id="audit-missing"> names no audit/,
    },
    {
      label: "a judgement not placed in its lesson",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}\nText.\n\n<Audit id="audit-seconds-in-a-day" />\n` },
      expected:
        /^01-sample-lesson\.judgements\.json:3: judgement "judge-cache-or-replica" is not placed in 01-sample-lesson\.mdx/,
    },
    {
      label: "an audit placed twice",
      files: { "lessons/01-sample-lesson.mdx": `${frontmatter}${body}\n<Audit id="audit-seconds-in-a-day" />\n` },
      expected: /^01-sample-lesson\.mdx:20: <Audit id="audit-seconds-in-a-day" \/> is placed 2 times/,
    },
    {
      label: "a judgement with an answer that is no option",
      files: {
        "lessons/01-sample-lesson.judgements.json": JSON.stringify([{ ...judgement, answer: "queue" }], null, 2),
      },
      expected: /^01-sample-lesson\.judgements\.json:3: 0: answer must be one of the options' ids$/,
    },
    {
      label: "an audit whose fix formula does not evaluate",
      files: {
        "lessons/01-sample-lesson.audits.json": JSON.stringify(
          [{ ...audit, fix: { ...audit.fix, formula: "n / nope" } }],
          null,
          2,
        ),
      },
      expected: /^01-sample-lesson\.audits\.json:3: 0\.fix\.formula: /,
    },
    {
      label: "a judgement file with no lesson",
      files: { "lessons/02-other.judgements.json": "[]" },
      expected: /^02-other\.judgements\.json: no lesson 02-other\.mdx beside this judgement file$/,
    },
    {
      label: "an id used twice across content",
      files: {
        "lessons/01-sample-lesson.judgements.json": JSON.stringify([{ ...judgement, id: "judge-x" }], null, 2),
        "lessons/01-sample-lesson.audits.json": JSON.stringify([audit], null, 2),
        "lessons/01-sample-lesson.mdx": `${frontmatter}\n<Judgement id="judge-x" />\n<Audit id="audit-seconds-in-a-day" />\n`,
        "cards/01-sample-lesson.json": JSON.stringify(
          [{ id: "judge-x", q: "Seconds in a day?", a: "86,400" }],
          null,
          2,
        ),
      },
      expected: /^01-sample-lesson\.json:3: card id "judge-x" is already used by judgement/,
    },
    {
      label: "a published judgement id that is gone",
      files: { "published-ids.json": JSON.stringify(["sample-lesson", "judge-gone"]) },
      expected: /published id "judge-gone" is gone/,
    },
  ])("$label", async ({ files, expected }) => {
    const { problems } = await check(files);
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join("\n"),
    ).toBe(true);
  });
});
