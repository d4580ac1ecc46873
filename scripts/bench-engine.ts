// npm run bench:engine: parse+grade throughput of the engine on 10,000 realistic answers, against mathjs evaluating
// (and converting) the same inputs where it can read them. Prints figures; asserts nothing.
import { evaluate as mathEvaluate } from "mathjs";
import { grade } from "@/lib/engine";
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
