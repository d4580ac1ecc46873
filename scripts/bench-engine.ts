// npm run bench:engine: parse+grade throughput of the engine on 10,000 realistic answers, against mathjs evaluating
// (and converting) the same inputs where it can read them. Prints figures; asserts nothing.
import { evaluate as mathEvaluate } from "mathjs";
import { evaluate, grade, mulberry32, type Quantity, type Tolerance } from "@/lib/engine";

const ANSWERS = 10_000;
const WARM_UP_ROUNDS = 3;
const TIMED_ROUNDS = 9;

// Seeded, so the answer set is the same on every run.
const random = mulberry32(20_240_611);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
};
/** A learner's estimate: the truth times a log-uniform factor between 1/3 and 3, most answers near it. */
const near = (x: number): number => x * Math.exp((random() - 0.5) * 2.2 * random());
const digits = (x: number, sig: number): string => String(Number(x.toPrecision(sig)));
const withCommas = (x: number): string => Math.round(x).toLocaleString("en-US");

type Case = {
  readonly expected: Quantity;
  readonly expect: string;
  readonly tolerance?: Tolerance;
  /** The same unit for mathjs, or null when mathjs has no such unit (money). */
  readonly mathUnit: string | null;
  readonly answer: () => string;
};

const rate = evaluate("200M * 20 / 1 day"); // 46,296 requests/s
const bandwidth = evaluate("35k requests/s * 5 KB"); // 175 MB/s = 1.4 Gbps
const ingest = evaluate("3 TB/day");
const storage = evaluate("1e9 * 500 B * 365");
const latency = evaluate("150 ms");
const cost = evaluate("$0.023/GB/month * 1 PB");
const users = evaluate("50000 users");
const servers = evaluate("ceil(208333 requests/s / (10k requests/s))");

const CASES: readonly Case[] = [
  {
    expected: rate,
    expect: "requests/s",
    mathUnit: "",
    answer: () => {
      const v = near(46_296);
      return pick([
        () => `${digits(v / 1000, 2)}k`,
        () => withCommas(v),
        () => `${(v / 1e4).toFixed(1)}e4 requests/s`,
        () => `~${digits(v / 1000, 2)}k QPS`,
        () => `${(v / 1e4).toFixed(1)}×10^4`,
        () => `${(v / 1e4).toFixed(1)}*10^4`,
        () => `${digits(v / 1000, 2)} thousand`,
        () => `${digits(v / 1000, 3)}k/s`,
        () => `about ${digits(v / 1000, 2)}K`,
        () => String(Math.round(v)),
      ])();
    },
  },
  {
    expected: bandwidth,
    expect: "Gbps",
    mathUnit: "Gb/s",
    answer: () => {
      const v = near(1.4);
      return pick([
        () => `${digits(v, 2)} Gbps`,
        () => `${digits(v * 125, 3)} MB/s`,
        () => `${digits(v, 2)}e9 bps`,
        () => `${digits(v * 1000, 3)} Mbps`,
        () => `${digits(v, 2)} Gb/s`,
        () => digits(v, 2),
      ])();
    },
  },
  {
    expected: ingest,
    expect: "MB/s",
    mathUnit: "MB/s",
    answer: () => {
      const v = near(34.72);
      return pick([
        () => `${digits(v, 3)} MB/s`,
        () => `${digits(v * 0.0864, 2)} TB/day`,
        () => `${digits(v / 1000, 2)} GB/s`,
        () => digits(v, 2),
      ])();
    },
  },
  {
    expected: storage,
    expect: "TB",
    mathUnit: "TB",
    answer: () => {
      const v = near(182.5);
      return pick([
        () => `${digits(v, 4)} TB`,
        () => `${digits(v, 3)}TB`,
        () => `${digits(v / 100, 2)}e14 B`,
        () => `${digits(v / 1000, 2)} PB`,
        () => `${digits(v, 2)}`,
      ])();
    },
  },
  {
    expected: latency,
    expect: "ms",
    mathUnit: "ms",
    answer: () => {
      const v = near(150);
      return pick([
        () => `${digits(v, 2)}ms`,
        () => `${digits(v / 1000, 2)} s`,
        () => `${withCommas(v * 1000)} us`,
        () => digits(v, 3),
        () => `${digits(v * 0.01, 2)} TB`, // wrong dimension
      ])();
    },
  },
  {
    expected: cost,
    expect: "$/month",
    mathUnit: null,
    answer: () => {
      const v = near(23_000);
      return pick([
        () => `$${digits(v / 1000, 2)}k/month`,
        () => `$${withCommas(v)}/month`,
        () => `$${digits(v * 12e-3, 3)}k/year`,
      ])();
    },
  },
  {
    expected: users,
    expect: "users",
    tolerance: { kind: "range" },
    mathUnit: "",
    answer: () => {
      const low = near(30);
      const high = low * (1.5 + 5 * random());
      return pick([
        () => `${digits(low, 2)}k-${digits(high, 2)}k`,
        () => `${digits(low, 2)}k to ${digits(high, 2)}k`,
        () => `${digits(low, 2)}k–${digits(high, 2)}k users`,
        () => `${digits(low, 2)}k`, // a single number for a range step
      ])();
    },
  },
  {
    expected: servers,
    expect: "servers",
    tolerance: { kind: "exact" },
    mathUnit: "",
    answer: () => pick(["21", "21 servers", "20", "2^4", "22", "1/3"]),
  },
  {
    expected: rate,
    expect: "requests/s",
    mathUnit: "",
    answer: () =>
      pick([
        "",
        "lol",
        "46k bananas",
        "46,2",
        "forty-six thousand",
        "3 TB",
        "???",
        "46k ±5k",
        "1e999",
        "x".repeat(1 + Math.floor(random() * 40)),
        "$$$",
        "46k-",
      ]),
  },
];

const inputs: { readonly text: string; readonly testCase: Case }[] = [];
for (let i = 0; i < ANSWERS; i++) {
  // Garbage is one case in nine, like a real stream of half-typed answers.
  const testCase = CASES[i % CASES.length];
  if (testCase === undefined) throw new Error("no case");
  inputs.push({ text: testCase.answer(), testCase });
}

let sink = 0;

function runEngine(set: readonly { readonly text: string; readonly testCase: Case }[]): void {
  for (const { text, testCase } of set) {
    const result = grade(text, testCase.expected, testCase.tolerance, { expect: testCase.expect });
    sink += result.score + result.read.length + result.message.length;
  }
}

function runMathjs(set: readonly { readonly text: string; readonly testCase: Case }[]): void {
  for (const { text, testCase } of set) sink += mathScore(text, testCase);
}

/** mathjs reading and converting one answer and comparing it with the reference (its share of "grading"). */
function mathScore(text: string, testCase: Case): number {
  const value: unknown = mathEvaluate(text);
  let answer: number;
  if (typeof value === "number") answer = value;
  else if (
    typeof value === "object" &&
    value !== null &&
    "toNumber" in value &&
    typeof value.toNumber === "function" &&
    testCase.mathUnit !== null &&
    testCase.mathUnit !== ""
  ) {
    const converted: unknown = value.toNumber(testCase.mathUnit);
    if (typeof converted !== "number") throw new Error("not a number");
    answer = converted;
  } else throw new Error("unsupported");
  const reference =
    testCase.mathUnit === "" || testCase.mathUnit === null ? testCase.expected.value : convertReference(testCase);
  const r = answer / reference;
  if (!Number.isFinite(r)) throw new Error("not finite");
  return r > 0.85 && r < 1.15 ? 1 : 0;
}

const referenceCache = new Map<Case, number>();
function convertReference(testCase: Case): number {
  const cached = referenceCache.get(testCase);
  if (cached !== undefined) return cached;
  const unit = testCase.mathUnit ?? "";
  const value: unknown = mathEvaluate(`${testCase.expected.value} ${baseUnitForMath(testCase)} to ${unit}`);
  const number =
    typeof value === "object" && value !== null && "toNumber" in value && typeof value.toNumber === "function"
      ? value.toNumber(unit)
      : Number.NaN;
  const result = typeof number === "number" ? number : Number.NaN;
  referenceCache.set(testCase, result);
  return result;
}

function baseUnitForMath(testCase: Case): string {
  const { data, time } = testCase.expected.dim;
  if (data === 1 && time === -1) return "B/s";
  if (data === 1) return "B";
  if (time === 1) return "s";
  return "";
}

const mathjsReadable = inputs.filter(({ text, testCase }) => {
  try {
    mathScore(text, testCase);
    return true;
  } catch {
    return false;
  }
});

function measure(run: () => void, count: number): number {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) run();
  const rates: number[] = [];
  for (let i = 0; i < TIMED_ROUNDS; i++) {
    const start = performance.now();
    run();
    const seconds = (performance.now() - start) / 1000;
    rates.push(count / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

const engineAll = measure(() => runEngine(inputs), inputs.length);
const engineSubset = measure(() => runEngine(mathjsReadable), mathjsReadable.length);
const mathjsSubset = measure(() => runMathjs(mathjsReadable), mathjsReadable.length);

const format = (x: number): string => Math.round(x).toLocaleString("en-US");
const skipped = inputs.length - mathjsReadable.length;
console.log(
  `Envelope engine benchmark: ${format(inputs.length)} answers, ${TIMED_ROUNDS} timed rounds after ${WARM_UP_ROUNDS} warm-up, median`,
);
console.log(`  engine parse+grade, all answers:          ${format(engineAll)} answers/s`);
console.log(
  `  mathjs can read ${format(mathjsReadable.length)} of them; skipped ${format(skipped)} (k/M suffixes, commas, Gbps, QPS, $, ranges, labels, garbage)`,
);
console.log(`  engine parse+grade, mathjs-readable set:  ${format(engineSubset)} answers/s`);
console.log(`  mathjs evaluate+convert, same set:        ${format(mathjsSubset)} answers/s`);
console.log(`  ratio engine / mathjs (same set):         ${(engineSubset / mathjsSubset).toFixed(1)}×`);
console.log(`  targets: ≥ 200,000 answers/s on one core, ≥ 5× mathjs`);
if (sink === -1) console.log(sink);
