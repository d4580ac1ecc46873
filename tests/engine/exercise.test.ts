import { describe, expect, test } from "vitest";
import {
  EngineError,
  buildExercise,
  exerciseSpecSchema,
  gradeExercise,
  toPrompt,
  type BuiltExercise,
  type ExerciseSpec,
  type ExerciseSpecInput,
  type StepAnswers,
} from "@/lib/engine";

// The example of content/README.md ("An exercise"), verbatim.
const README_EXAMPLE = `{
    "id": "pipeline-photo-uploads",
    "title": "Photo uploads per second",
    "scenario": "A photo app has {dau} daily users, and each uploads {uploads} photos a day. Peak traffic is {peak} the average.",
    "givens": [
      { "name": "dau", "label": "Daily active users", "value": 50000000, "unit": "users", "vary": { "min": 1000000, "max": 1000000000 } },
      { "name": "uploads", "label": "Uploads per user per day", "value": 2, "unit": "", "vary": { "min": 1, "max": 10, "scale": "linear", "sig": 1 } },
      { "name": "peak", "label": "Peak factor", "value": 3, "unit": "", "vary": { "min": 2, "max": 5, "scale": "linear", "sig": 1 } }
    ],
    "steps": [
      { "id": "avg", "prompt": "Average uploads per second?", "formula": "dau * uploads / 1 day", "unit": "requests/s" },
      { "id": "peak", "prompt": "Peak uploads per second?", "formula": "avg * peak", "unit": "requests/s",
        "tolerance": { "kind": "ratio", "full": 1.15, "zero": 10 } }
    ]
  }`;

const FEED: ExerciseSpecInput = {
  id: "feed-bandwidth",
  title: "Feed bandwidth",
  scenario:
    "A feed has {dau} daily users who each load {loads} pages a day; a page is {page}. Peak is {peak}× the average.",
  givens: [
    {
      name: "dau",
      label: "Daily active users",
      value: 200_000_000,
      unit: "users",
      vary: { min: 1_000_000, max: 1_000_000_000 },
    },
    { name: "loads", label: "Page loads per user per day", value: 20, unit: "", vary: { min: 1, max: 200, sig: 1 } },
    { name: "page", label: "Page size", value: 5, unit: "KB", vary: { min: 1, max: 500 } },
    { name: "peak", label: "Peak factor", value: 3, unit: "", vary: { min: 2, max: 5, scale: "linear", sig: 1 } },
  ],
  steps: [
    { id: "avg", prompt: "Average page loads per second?", formula: "dau * loads / 1 day", unit: "requests/s" },
    {
      id: "peakQps",
      prompt: "Peak page loads per second?",
      formula: "avg * peak",
      unit: "requests/s",
      explain: "Peaks are what you provision for.",
    },
    {
      id: "bandwidth",
      prompt: "Peak egress for {page} pages?",
      formula: "peakQps * page",
      unit: "Gbps",
      tolerance: { kind: "relative", within: 0.1 },
    },
    {
      id: "servers",
      prompt: "Servers at 10k requests/s each?",
      formula: "ceil(peakQps / (10k requests/s))",
      unit: "servers",
      tolerance: { kind: "exact" },
      hint: "Round up.",
    },
    {
      id: "rival",
      prompt: "Your 80 % range for a rival's daily users?",
      formula: "dau",
      unit: "users",
      tolerance: { kind: "range" },
    },
  ],
};

function parseSpec(input: unknown): ExerciseSpec {
  const result = exerciseSpecSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

const readme = parseSpec(JSON.parse(README_EXAMPLE));
const feed = parseSpec(FEED);

/** What a learner who got every step right types: the reference in the step's unit, or a range around it. */
function referenceAnswers(built: BuiltExercise): Record<string, string> {
  const grade = gradeExercise(built, {});
  return Object.fromEntries(
    built.steps.map((step, index) => {
      const value = grade.steps[index]?.expectedValue ?? Number.NaN;
      const text = step.tolerance.kind === "range" ? `${value / 2} to ${value * 2}` : String(value);
      return [step.id, step.unit === "" ? text : `${text} ${step.unit}`];
    }),
  );
}

describe("exerciseSpecSchema", () => {
  test("accepts the README's example, filling in the defaults", () => {
    expect(readme.givens[0]?.vary).toEqual({ min: 1_000_000, max: 1_000_000_000, scale: "log", sig: 2 });
    expect(readme.steps[0]?.tolerance).toBeUndefined();
  });

  const broken = (change: (spec: ExerciseSpecInput) => unknown): unknown => change(structuredClone(FEED));
  test.each([
    {
      label: "a given declared twice",
      spec: broken((s) => ({ ...s, givens: [...s.givens, s.givens[0]] })),
      message: "“dau” is declared twice",
    },
    {
      label: "a step declared twice",
      spec: broken((s) => ({ ...s, steps: [...s.steps, s.steps[0]] })),
      message: "“avg” is declared twice",
    },
    {
      label: "a formula naming an unknown given",
      spec: broken((s) => ({ ...s, steps: [{ ...s.steps[0], formula: "dau * load / 1 day" }, ...s.steps.slice(1)] })),
      message: "uses “load”, which is not a given",
    },
    {
      label: "a count label used as a name",
      spec: broken((s) => ({ ...s, steps: [{ ...s.steps[0], formula: "dau * photos / 1 day" }, ...s.steps.slice(1)] })),
      message: "uses “photos”, which is not a given",
    },
    {
      label: "a formula using a later step",
      spec: broken((s) => ({ ...s, steps: [{ ...s.steps[0], formula: "peakQps / 3" }, ...s.steps.slice(1)] })),
      message: "uses “peakQps”",
    },
    {
      label: "a formula of the wrong dimension",
      spec: broken((s) => ({ ...s, steps: [{ ...s.steps[0], formula: "dau * loads" }, ...s.steps.slice(1)] })),
      message: "gives a count, but the step is answered in “requests/s”",
    },
    {
      label: "a formula that divides by zero",
      spec: broken((s) => ({
        ...s,
        steps: [{ ...s.steps[0], formula: "dau * loads / (0 * 1 day)" }, ...s.steps.slice(1)],
      })),
      message: "finite",
    },
    {
      label: "a unit that does not parse",
      spec: broken((s) => ({ ...s, steps: [{ ...s.steps[0], unit: "furlongs/s" }, ...s.steps.slice(1)] })),
      message: "“furlongs” is not a unit",
    },
    {
      label: "an unknown placeholder",
      spec: broken((s) => ({ ...s, scenario: "{users} users" })),
      message: "{users} is not a given",
    },
    {
      label: "vary with min above max",
      spec: broken((s) => ({ ...s, givens: [{ ...s.givens[0], vary: { min: 10, max: 1 } }, ...s.givens.slice(1)] })),
      message: "min < max",
    },
    {
      label: "the lesson's value outside vary",
      spec: broken((s) => ({ ...s, givens: [{ ...s.givens[0], vary: { min: 1, max: 10 } }, ...s.givens.slice(1)] })),
      message: "outside vary",
    },
    {
      label: "a log range from zero",
      spec: broken((s) => ({
        ...s,
        givens: [s.givens[0], { ...s.givens[1], value: 0, vary: { min: 0, max: 10 } }, ...s.givens.slice(2)],
      })),
      message: "log-scale range needs min > 0",
    },
    {
      label: "a range holding no round number",
      spec: broken((s) => ({
        ...s,
        givens: [
          s.givens[0],
          { ...s.givens[1], value: 1.235, vary: { min: 1.23, max: 1.24, sig: 1 } },
          ...s.givens.slice(2),
        ],
      })),
      message: "No number with 1 significant figure",
    },
    {
      label: "a ratio tolerance with zero ≤ full",
      spec: broken((s) => ({
        ...s,
        steps: [{ ...s.steps[0], tolerance: { kind: "ratio", full: 2, zero: 1.5 } }, ...s.steps.slice(1)],
      })),
      message: "ratio tolerance needs",
    },
    { label: "a misspelt key", spec: broken((s) => ({ ...s, senario: "x" })), message: "senario" },
    { label: "no steps", spec: broken((s) => ({ ...s, steps: [] })), message: "steps" },
    {
      label: "an id that is not kebab-case",
      spec: broken((s) => ({ ...s, id: "Feed Bandwidth" })),
      message: "kebab-case",
    },
    {
      label: "a given name that is not an identifier",
      spec: broken((s) => ({ ...s, givens: [{ ...s.givens[0], name: "daily-users" }, ...s.givens.slice(1)] })),
      message: "identifier",
    },
  ])("rejects $label", ({ spec, message }) => {
    const result = exerciseSpecSchema.safeParse(spec);
    expect(result.success).toBe(false);
    if (!result.success) expect(JSON.stringify(result.error.issues)).toContain(message);
  });
});

describe("buildExercise and toPrompt", () => {
  test("seed 0 gives the lesson's own numbers", () => {
    const built = buildExercise(readme, 0);
    expect(built.givens.map((given) => given.value)).toEqual([50_000_000, 2, 3]);
    expect(toPrompt(built)).toEqual({
      id: "pipeline-photo-uploads",
      seed: 0,
      title: "Photo uploads per second",
      scenario: "A photo app has 50M daily users, and each uploads 2 photos a day. Peak traffic is 3 the average.",
      givens: [
        { name: "dau", label: "Daily active users", display: "50M", expression: "50000000 users" },
        { name: "uploads", label: "Uploads per user per day", display: "2", expression: "2" },
        { name: "peak", label: "Peak factor", display: "3", expression: "3" },
      ],
      steps: [
        { id: "avg", prompt: "Average uploads per second?", unit: "requests/s", kind: "number" },
        { id: "peak", prompt: "Peak uploads per second?", unit: "requests/s", kind: "number" },
      ],
    });
  });

  test("placeholders in prompts, hints and range steps reach the prompt", () => {
    const prompt = toPrompt(buildExercise(feed, 0));
    expect(prompt.steps[2]?.prompt).toBe("Peak egress for 5 KB pages?");
    expect(prompt.steps[3]?.hint).toBe("Round up.");
    expect(prompt.steps[4]?.kind).toBe("range");
  });

  test.each([
    { label: "seed 1", seed: 1 },
    { label: "seed 42", seed: 42 },
    { label: "the largest seed", seed: 0xffff_ffff },
  ])("the same seed gives the same exercise: $label", ({ seed }) => {
    expect(buildExercise(feed, seed)).toEqual(buildExercise(feed, seed));
  });

  test.each([
    { label: "negative", seed: -1 },
    { label: "fractional", seed: 1.5 },
    { label: "beyond 32 bits", seed: 2 ** 32 },
    { label: "not a number", seed: Number.NaN },
  ])("rejects a $label seed", ({ seed }) => {
    expect(() => buildExercise(feed, seed)).toThrow(EngineError);
  });

  test("1,000 seeds: every given within its range, rounded, and every variant solvable", () => {
    const values = new Set<number>();
    for (let seed = 1; seed <= 1000; seed++) {
      const built = buildExercise(feed, seed);
      feed.givens.forEach((spec, index) => {
        const value = built.givens[index]?.value ?? Number.NaN;
        const vary = spec.vary ?? { min: spec.value, max: spec.value, sig: 2 };
        expect(value).toBeGreaterThanOrEqual(vary.min);
        expect(value).toBeLessThanOrEqual(vary.max);
        expect(Number(value.toPrecision(vary.sig))).toBe(value);
      });
      values.add(built.givens[0]?.value ?? 0);
      const grade = gradeExercise(built, referenceAnswers(built));
      for (const step of grade.steps) {
        expect(step.score, `seed ${seed} step ${step.id}: ${step.message}`).toBe(1);
        if (step.id !== "rival") expect(step.verdict, `seed ${seed} step ${step.id}`).toBe("exact");
      }
      expect(grade.divergedAt).toBeNull();
    }
    expect(values.size).toBeGreaterThan(50);
  });

  test("the formatted reference answers earn full credit too", () => {
    for (let seed = 0; seed < 200; seed++) {
      const built = buildExercise(feed, seed);
      const expected = gradeExercise(built, {}).steps;
      const answers = Object.fromEntries(
        expected.filter((step) => step.id !== "rival").map((step) => [step.id, step.expected]),
      );
      const grade = gradeExercise(built, answers);
      for (const step of grade.steps.filter((s) => s.id !== "rival"))
        expect(step.score, `seed ${seed} ${step.id} “${step.expected}”`).toBe(1);
    }
  });

  test("the prompt holds no formula, reference answer or tolerance", () => {
    for (let seed = 0; seed < 300; seed++) {
      for (const spec of [feed, readme]) {
        const built = buildExercise(spec, seed);
        const json = JSON.stringify(toPrompt(built));
        for (const step of gradeExercise(built, {}).steps) expect(json).not.toContain(step.expected);
        for (const step of built.steps) {
          if (/[-+*/^(]/.test(step.formula)) expect(json).not.toContain(step.formula);
        }
        expect(json).not.toMatch(/"(formula|expected|expectedValue|tolerance|within|full|zero)"/);
      }
    }
  });
});

describe("gradeExercise", () => {
  const built = buildExercise(readme, 0); // avg 1,157.4/s, peak 3,472.2/s

  test.each<{
    label: string;
    answers: StepAnswers;
    scores: number[];
    followThrough: boolean[];
    divergedAt: string | null;
  }>([
    {
      label: "both right",
      answers: { avg: "1157", peak: "3472" },
      scores: [1, 1],
      followThrough: [false, false],
      divergedAt: null,
    },
    {
      label: "both right by shortcut",
      answers: { avg: "1000", peak: "3000" },
      scores: [1, 1],
      followThrough: [false, false],
      divergedAt: null,
    },
    {
      label: "a wrong first step carried right",
      answers: { avg: "5000", peak: "15k" },
      scores: [(Math.log(10) - Math.log(5000 / ((50e6 * 2) / 86_400))) / (Math.log(10) - Math.log(1.15)), 1],
      followThrough: [false, true],
      divergedAt: "avg",
    },
    {
      label: "wrong twice",
      answers: { avg: "5000", peak: "40k" },
      scores: [0.0, 0.0],
      followThrough: [false, false],
      divergedAt: "avg",
    },
    {
      label: "an unreadable first step",
      answers: { avg: "lol", peak: "3472" },
      scores: [0, 1],
      followThrough: [false, false],
      divergedAt: "avg",
    },
    {
      label: "an empty second step",
      answers: { avg: "1157" },
      scores: [1, 0],
      followThrough: [false, false],
      divergedAt: "peak",
    },
  ])("$label", ({ answers, scores, followThrough, divergedAt }) => {
    const grade = gradeExercise(built, answers);
    grade.steps.forEach((step, index) => {
      if (scores[index] === 0) expect(step.score).toBeLessThan(0.5);
      else expect(step.score).toBeCloseTo(scores[index] ?? Number.NaN, 9);
      expect(step.followThrough).toBe(followThrough[index]);
    });
    expect(grade.divergedAt).toBe(divergedAt);
    expect(grade.score).toBeCloseTo((grade.steps[0]?.score ?? 0) / 2 + (grade.steps[1]?.score ?? 0) / 2, 12);
  });

  test("follow-through says which earlier answer it used", () => {
    const step = gradeExercise(built, { avg: "5000", peak: "15k" }).steps[1];
    expect(step?.verdict).toBe("exact");
    expect(step?.message).toBe(
      "Right from your own earlier answer (avg = 5,000 requests/s): full credit by follow-through. The reference answer is 3,472 requests/s.",
    );
  });

  test("follow-through carries through a chain of steps", () => {
    const chain = buildExercise(feed, 0); // avg 46,296/s; peak 138,889/s; 5.56 Gbps; 14 servers
    const grade = gradeExercise(chain, {
      avg: "92k",
      peakQps: "276k",
      bandwidth: "11 Gbps",
      servers: "28",
      rival: "100M-400M",
    });
    expect(grade.steps.map((step) => step.followThrough)).toEqual([false, true, true, true, false]);
    expect(grade.steps.map((step) => step.score)).toEqual([expect.any(Number), 1, 1, 1, 1]);
    expect(grade.divergedAt).toBe("avg");
  });

  test("an empty answer is unreadable and the other steps are still graded", () => {
    const grade = gradeExercise(built, { avg: "  ", peak: "3472" });
    expect(grade.steps[0]).toMatchObject({
      verdict: "unreadable",
      score: 0,
      message: "No answer given for this step.",
      read: "",
    });
    expect(grade.steps[1]).toMatchObject({ verdict: "exact", score: 1 });
  });

  test("each step reports its reference formatted and as a number in its unit", () => {
    const steps = gradeExercise(buildExercise(feed, 0), {}).steps;
    expect(steps.map((step) => step.expected)).toEqual([
      "46,296 requests/s",
      "138,889 requests/s",
      "5.56 Gbps",
      "14 servers",
      "200,000,000 users",
    ]);
    expect(steps[2]?.expectedValue).toBeCloseTo(5.555_555, 5);
  });

  test("a range step carries its calibration", () => {
    const grade = gradeExercise(buildExercise(feed, 0), { rival: "100M-300M" });
    expect(grade.steps[4]?.calibration).toEqual({ held: true, logWidth: Math.log10(3) });
  });

  test("the worked solution puts the numbers in", () => {
    const worked = gradeExercise(buildExercise(feed, 0), {}).worked;
    expect(worked).toEqual([
      {
        id: "avg",
        prompt: "Average page loads per second?",
        formula: "dau * loads / 1 day",
        substituted: "200M users × 20 / 86,400 s",
        result: "46,296 requests/s ≈ 46k/s",
      },
      {
        id: "peakQps",
        prompt: "Peak page loads per second?",
        formula: "avg * peak",
        substituted: "46,296 requests/s × 3",
        result: "138,889 requests/s ≈ 140k/s",
        explain: "Peaks are what you provision for.",
      },
      {
        id: "bandwidth",
        prompt: "Peak egress for 5 KB pages?",
        formula: "peakQps * page",
        substituted: "138,889 requests/s × 5 KB × 8 bits/byte",
        result: "5.56 Gbps",
      },
      {
        id: "servers",
        prompt: "Servers at 10k requests/s each?",
        formula: "ceil(peakQps / (10k requests/s))",
        substituted: "ceil(138,889 requests/s / (10k requests/s))",
        result: "14 servers",
      },
      {
        id: "rival",
        prompt: "Your 80 % range for a rival's daily users?",
        formula: "dau",
        substituted: "200M users",
        result: "200,000,000 users ≈ 200M",
      },
    ]);
  });

  test("a step named like a given uses the given in its own formula", () => {
    const worked = gradeExercise(built, {}).worked;
    expect(worked[1]?.substituted).toBe("1,157 requests/s × 3");
  });
});
