// npm run bench:engine: parse+grade throughput of the engine on 10,000 realistic answers, against mathjs evaluating
// (and converting) the same inputs where it can read them. Prints figures; asserts nothing.
import { evaluate as mathEvaluate } from "mathjs";
import { evaluate, grade, type Quantity } from "@/lib/engine";
import { CASES, type Case } from "./bench-engine-cases";

const ANSWERS = 10_000;
const WARM_UP_ROUNDS = 3;
const TIMED_ROUNDS = 9;

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

// Answers in the forms read only when the plain reading fails or cannot apply: sizes as du -h prints them, clock
// times, news magnitudes, spelled-out units, pasted spaces and invisible characters, trailing words.
const TYPED: readonly { readonly text: string; readonly expect: string; readonly expected: Quantity }[] = [
  { text: "180T", expect: "TB", expected: evaluate("182.5 TB") },
  { text: "35M", expect: "MB/s", expected: evaluate("34.72 MB/s") },
  { text: "2:30", expect: "min", expected: evaluate("150 s") },
  { text: "0:00:00.15", expect: "ms", expected: evaluate("150 ms") },
  { text: "2.5mil", expect: "users", expected: evaluate("2.5M users") },
  { text: "half a million", expect: "users", expected: evaluate("500k users") },
  { text: "500 megabytes", expect: "GB", expected: evaluate("0.5 GB") },
  { text: "46\u2009k", expect: "requests/s", expected: evaluate("46296 requests/s") },
  { text: "46\u200bk", expect: "requests/s", expected: evaluate("46296 requests/s") },
  { text: "3 TB daily", expect: "MB/s", expected: evaluate("34.72 MB/s") },
  { text: "12k QPS peak", expect: "requests/s", expected: evaluate("12k requests/s") },
];
const typedInputs = Array.from({ length: ANSWERS }, (_, i) => TYPED[i % TYPED.length]).filter((x) => x !== undefined);

function runTyped(): void {
  for (const { text, expect, expected } of typedInputs) {
    const result = grade(text, expected, undefined, { expect });
    if (result.verdict === "unreadable") throw new Error(`bench: “${text}” did not read: ${result.message}`);
    sink += result.score + result.read.length;
  }
}

const engineAll = measure(() => runEngine(inputs), inputs.length);
const engineTyped = measure(runTyped, typedInputs.length);
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
console.log(
  `  engine parse+grade, typed forms (180T, 2:30, half a million, pasted spaces): ${format(engineTyped)} answers/s`,
);
console.log(`  targets: ≥ 800,000 answers/s on one core, ≥ 10× mathjs`);
if (sink === -1) console.log(sink);
