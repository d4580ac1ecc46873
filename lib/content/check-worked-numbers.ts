import "server-only";
import {
  EngineError,
  buildExercise,
  convert,
  evaluate,
  type BuiltExercise,
  type ExerciseSpec,
  type Quantity,
} from "@/lib/engine";
import type { ContentProblem } from "./problems";

/** How close a number in the prose must come to a step's reference answer to count as that answer. */
const SAME_WITHIN = 0.01;

/** Where an exercise sits in a lesson: `<Estimate id/>`, `<Playground predict/>` or `<Audit id/>`. */
const PLACEMENT = /<(?:Estimate|Audit)\b[^>]*?\bid="([^"]+)"|<Playground\b[^>]*?\bpredict="([^"]+)"/g;

const CALC = /<Calc\b[^>]*?\/>/g;

/**
 * A number as prose and formulas write it: 300M, 10k, 4,000, 1.5, 99.9 %, 2 million. Letters glued to the digits
 * scale them (k, K, M, B, bn, T); a word after a space does too (thousand, million, billion, trillion).
 */
const NUMBER =
  /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(k|K|M|B|bn|T)(?![A-Za-z])|\s(thousand|million|billion|trillion)\b)?/g;

const SCALE: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  B: 1e9,
  bn: 1e9,
  T: 1e12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Every number written in `text`, scaled by its suffix. A bare four-digit number from 1900 to 2099 is a year (a
 * source's date), not a quantity, and is left out.
 */
function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const whole = match[1] ?? "";
    const suffix = match[3] ?? match[4];
    if (/^(19|20)\d\d$/.test(whole) && match[2] === undefined && suffix === undefined) continue;
    found.push(Number(`${whole.replaceAll(",", "")}${match[2] ?? ""}`) * (SCALE[suffix ?? ""] ?? 1));
  }
  return found;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_WITHIN * Math.abs(b);
}

/**
 * Numbers every estimate uses and nobody would call a spoiler: seconds in a day or an hour, powers of ten (a
 * thousand, a million) and whole numbers under 100, which turn up in any paragraph.
 */
function isGeneric(value: number): boolean {
  if (value === 0 || value === 86_400 || value === 3_600) return true;
  const log = Math.log10(Math.abs(value));
  if (Math.abs(log - Math.round(log)) < 1e-9) return true;
  return Number.isInteger(value) && Math.abs(value) < 100;
}

const DIMENSIONLESS = evaluate("1").dim;

/** A number of the lesson above an exercise: in the prose, or a <Calc> with the numbers its expression is written with. */
type Written = {
  line: number;
  section: number;
  value: number;
  calc?: { expr: string; quantity: Quantity; literals: number[] };
};

function attributeOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The numbers of the lesson body, each with its line and section (headings apart), and where each id is placed. */
function readLesson(source: string): { written: Written[]; placed: Map<string, number> } {
  const lines = source.split("\n");
  let start = 0;
  if (lines[0]?.trim() === "---") start = lines.findIndex((line, index) => index > 0 && line.trim() === "---") + 1;
  const written: Written[] = [];
  const placed = new Map<string, number>();
  let section = 0;
  for (let index = start; index < lines.length; index++) {
    const text = lines[index] ?? "";
    const line = index + 1;
    if (/^#{1,6}\s/.test(text)) section++;
    for (const match of text.matchAll(PLACEMENT)) {
      const id = match[1] ?? match[2] ?? "";
      if (!placed.has(id)) placed.set(id, line);
    }
    for (const tag of text.match(CALC) ?? []) {
      const expr = attributeOf(tag, "expr");
      const unit = attributeOf(tag, "unit");
      if (expr === undefined || unit === undefined) continue;
      try {
        const quantity = evaluate(expr);
        written.push({
          line,
          section,
          value: convert(quantity, unit),
          calc: { expr, quantity, literals: numbersIn(expr) },
        });
      } catch (error) {
        // remark-envelope reports a <Calc> that does not compute, with its line
        if (!(error instanceof EngineError)) throw error;
      }
    }
    const prose = text.replace(CALC, " ").replace(PLACEMENT, " ");
    for (const value of numbersIn(prose)) written.push({ line, section, value });
  }
  return { written, placed };
}

/** For each step, the givens its formula uses, directly or through earlier steps. */
function givensOfSteps(exercise: BuiltExercise): Map<string, string[]> {
  const givenNames = new Set(exercise.givens.map((given) => given.name));
  const uses = new Map<string, string[]>();
  for (const step of exercise.steps) {
    const names = new Set<string>();
    for (const name of step.formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      const inner = uses.get(name);
      if (inner) for (const given of inner) names.add(given);
      else if (givenNames.has(name)) names.add(name);
    }
    uses.set(step.id, [...names]);
  }
  return uses;
}

/**
 * A lesson never works through the numbers of its own exercise before the learner has tried it. Each exercise placed
 * in the lesson (<Estimate id>, <Playground predict>, <Audit id>) is built at seed 0, its own givens; a step's
 * reference answer must not appear above the placement, within 1 %, where the lesson also uses every given the step
 * is computed from. That is either a <Calc> written with those givens, or a number after them in the same section.
 * Generic numbers (86,400, powers of ten, whole numbers under 100) count only when a <Calc> works them out of the
 * step's own givens, and not when the step turns one small given into another ("a majority of 5 is 3"): that is a
 * rule the lesson has to show.
 * @returns one problem per step worked out early, naming the line, the number, the exercise and the step.
 */
export function checkWorkedNumbers(file: string, source: string, exercises: readonly ExerciseSpec[]): ContentProblem[] {
  const { written, placed } = readLesson(source);
  const problems: ContentProblem[] = [];
  for (const spec of exercises) {
    const placement = placed.get(spec.id);
    if (placement === undefined) continue;
    let exercise: BuiltExercise;
    try {
      exercise = buildExercise(spec, 0);
    } catch (error) {
      if (error instanceof EngineError) continue; // checkExercise reports an exercise that does not build
      throw error;
    }
    const above = written.filter((number) => number.line < placement);
    const uses = givensOfSteps(exercise);
    for (const step of exercise.steps) {
      const givens = exercise.givens.filter((given) => uses.get(step.id)?.includes(given.name));
      if (givens.length === 0) continue;
      // a percentage is written 50 % in prose and 0.5 in a formula
      const forms = givens.map((given) => (given.unit === "%" ? [given.value, given.value / 100] : [given.value]));
      const usesAll = (numbers: readonly number[]) =>
        forms.every((values) => values.some((value) => numbers.some((n) => same(n, value))));
      const usesOne = (numbers: readonly number[]) =>
        forms.some((values) => values.some((value) => numbers.some((n) => same(n, value))));
      const answer = convert(step.expected, step.unit);
      // a step that hands a given back (min(servers, misses)) is not worked out by stating that given
      if (givens.some((given) => same(given.value, answer))) continue;
      const equalsAnswer = (number: Written) =>
        !number.calc
          ? same(number.value, answer)
          : JSON.stringify(number.calc.quantity.dim) === JSON.stringify(step.expected.dim)
            ? same(number.calc.quantity.value, step.expected.value)
            : // a bare number worked out in prose ("8.4" months); a quantity of another kind is another answer
              JSON.stringify(number.calc.quantity.dim) === JSON.stringify(DIMENSIONLESS) && same(number.value, answer);
      const ruleOfOneSmallGiven = givens.length === 1 && givens.every((given) => isGeneric(given.value));
      const anyDistinctGiven = givens.some((given) => !isGeneric(given.value));
      const worked =
        above.find(
          (number) =>
            number.calc !== undefined &&
            equalsAnswer(number) &&
            usesAll(number.calc.literals) &&
            !(isGeneric(answer) && ruleOfOneSmallGiven),
        ) ??
        above.find(
          (number) =>
            // small givens (2 %, 3 copies) are everywhere: then the number itself is worked from one of them
            (anyDistinctGiven || usesOne(number.calc?.literals ?? [])) &&
            !isGeneric(number.value) &&
            equalsAnswer(number) &&
            usesAll([
              ...(number.calc?.literals ?? []),
              ...above
                .filter((other) => other.section === number.section && other.line <= number.line && other !== number)
                .flatMap((other) => (other.calc ? [other.value, ...other.calc.literals] : [other.value])),
            ]),
        );
      if (!worked) continue;
      const shown = worked.calc
        ? `<Calc expr="${worked.calc.expr}">`
        : worked.value.toLocaleString("en-US", { maximumSignificantDigits: 6 });
      problems.push({
        file,
        line: worked.line,
        message: `${shown} works out step "${step.id}" of exercise "${spec.id}" (${answer.toLocaleString("en-US", { maximumSignificantDigits: 6 })}${step.unit ? ` ${step.unit}` : ""}) from its own givens before the learner tries it on line ${placement}: move the worked numbers after the exercise or use different numbers`,
      });
    }
  }
  return problems;
}
