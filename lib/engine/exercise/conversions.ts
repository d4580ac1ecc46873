import { parseFormula } from "../formula/parse.ts";
import type { FormulaNode } from "../formula/syntax-tree.ts";

/** A unit conversion the engine performs that the formula as written does not show: "÷ 86,400 s/day". */
export type Conversion = { readonly factor: number; readonly divide: boolean; readonly label: string };

type TimeUnit = "s" | "min" | "h" | "day" | "week" | "month" | "year";

// Seconds per unit; a month is 30 days and a year 365, as everywhere else in the engine.
const SECONDS: Record<TimeUnit, number> = {
  s: 1,
  min: 60,
  h: 3_600,
  day: 86_400,
  week: 604_800,
  month: 2_592_000,
  year: 31_536_000,
};
const PLURAL: Record<TimeUnit, string> = {
  s: "s",
  min: "min",
  h: "h",
  day: "days",
  week: "weeks",
  month: "months",
  year: "years",
};
// How each unit shows up in a worked line or a step's unit ("messages/day", "1 year", "requests/s").
const MENTION: Record<TimeUnit, RegExp> = {
  s: /(\/|\b\d+\s*)s\b|\bsec/,
  min: /\bmin/,
  h: /(\/|\b\d+\s*)h\b|\bhour/,
  day: /\bday/,
  week: /\bweek/,
  month: /\bmonth/,
  year: /\byear/,
};

/** Every pair of time units whose ratio is not a power of ten: the factors a learner can forget. */
const TIME_PAIRS: readonly { factor: number; small: TimeUnit; big: TimeUnit }[] = (() => {
  const units = Object.keys(SECONDS) as TimeUnit[];
  const pairs: { factor: number; small: TimeUnit; big: TimeUnit }[] = [];
  units.forEach((small, i) => {
    for (const big of units.slice(i + 1)) pairs.push({ factor: SECONDS[big] / SECONDS[small], small, big });
  });
  return pairs;
})();

const BITS_PER_BYTE = 8;

/** The number a literal was written with ("12 month" → 12, "1e-11" → 1e-11, "day" → 1). */
function writtenNumber(text: string): number {
  const match = /^\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)/i.exec(text);
  if (!match?.[1]) return 1;
  const value = Number(match[1].replace(/[_,]/g, ""));
  return Number.isFinite(value) ? value : 1;
}

/** A time literal ("1 day") and the seconds it stands for, or null for any other literal. */
function timeLiteral(node: FormulaNode): { text: string; seconds: number } | null {
  if (node.kind !== "literal") return null;
  const { dim, value } = node.quantity;
  return dim.time === 1 && dim.data === 0 && dim.money === 0 ? { text: node.text, seconds: value } : null;
}

function collectTimeLiterals(node: FormulaNode, into: { text: string; seconds: number }[]): void {
  const literal = timeLiteral(node);
  if (literal) into.push(literal);
  switch (node.kind) {
    case "negate":
    case "with-unit":
      collectTimeLiterals(node.operand, into);
      return;
    case "group":
      collectTimeLiterals(node.inner, into);
      return;
    case "binary":
      collectTimeLiterals(node.left, into);
      collectTimeLiterals(node.right, into);
      return;
    case "call":
      node.args.forEach((arg) => collectTimeLiterals(arg, into));
      return;
    default:
      return;
  }
}

/**
 * The formula evaluated over the numbers as shown (each name as its displayed number, each literal as written or
 * as rewritten, units ignored), or null where that means nothing (a function call, a comparison, a power).
 */
function shownValue(
  node: FormulaNode,
  shown: (name: string) => number | undefined,
  rewritten: ReadonlyMap<string, number>,
): number | null {
  switch (node.kind) {
    case "literal":
      return rewritten.get(node.text) ?? writtenNumber(node.text);
    case "name":
      return shown(node.name) ?? null;
    case "negate": {
      const inner = shownValue(node.operand, shown, rewritten);
      return inner === null ? null : -inner;
    }
    case "group":
      return shownValue(node.inner, shown, rewritten);
    case "with-unit":
      return shownValue(node.operand, shown, rewritten);
    case "call":
      return null;
    case "binary": {
      const left = shownValue(node.left, shown, rewritten);
      const right = shownValue(node.right, shown, rewritten);
      if (left === null || right === null) return null;
      switch (node.op) {
        case "+":
          return left + right;
        case "-":
          return left - right;
        case "*":
          return left * right;
        case "/":
          return right === 0 ? null : left / right;
        default:
          return null;
      }
    }
  }
}

function isPowerOfTen(x: number): boolean {
  if (!(x > 0) || !Number.isFinite(x)) return false;
  const exponent = Math.log10(x);
  return Math.abs(exponent - Math.round(exponent)) < 1e-6;
}

function timeLabel(pair: { small: TimeUnit; big: TimeUnit }): string {
  return `${PLURAL[pair.small]}/${pair.big}`;
}

/** What a worked line needs to show every conversion: time literals rewritten, and the factors still hidden. */
export type WorkedConversions = {
  /** A time literal as written → as shown ("1 day" → "86,400 s"), where another unit makes the arithmetic visible. */
  readonly literals: ReadonlyMap<string, string>;
  readonly conversions: readonly Conversion[];
};

function formatCount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/**
 * The named conversions (time units, bits and bytes) that turn the numbers as shown into the result in the step's
 * unit, leaving powers of ten to the unit prefixes. A time literal is first written in the unit that makes the
 * arithmetic visible by itself ("/ 1 day" → "/ 86,400 s" for a per-second answer, "× 1 year" → "× 365 days" for a
 * per-day rate); what is still hidden is named ("÷ 86,400 s/day", "× 8 bits/byte"). `context` is the worked line and
 * the step's unit: it decides which pair of time units a factor of 60 names (s/min or min/h). Nothing is returned for
 * a formula that is not plain arithmetic of its inputs (functions, comparisons, powers).
 */
export function hiddenConversions(
  formula: string,
  shown: (name: string) => number | undefined,
  result: number,
  involvesData: boolean,
  context: string,
): WorkedConversions {
  const none: WorkedConversions = { literals: new Map(), conversions: [] };
  if (result === 0 || !Number.isFinite(result)) return none;
  const tree = parseFormula(formula);
  const literals: { text: string; seconds: number }[] = [];
  collectTimeLiterals(tree, literals);
  // Try the literals as written, then each in one time unit (one literal is the usual case: "/ 1 day").
  const options: Map<string, { value: number; text: string }>[] = [new Map()];
  const only = literals.length === 1 ? literals[0] : undefined;
  if (only) {
    for (const unit of Object.keys(SECONDS) as TimeUnit[]) {
      const value = only.seconds / SECONDS[unit];
      if (value < 1 || !Number.isInteger(Math.round(value * 1e6) / 1e6)) continue;
      options.push(
        new Map([[only.text, { value, text: `${formatCount(value)} ${value === 1 ? unit : PLURAL[unit]}` }]]),
      );
    }
  }
  let best: WorkedConversions | null = null;
  for (const option of options) {
    const values = new Map([...option].map(([text, shownAs]) => [text, shownAs.value]));
    const naive = shownValue(tree, shown, values);
    if (naive === null || naive === 0) return none;
    const conversions = namedFactors(Math.abs(result / naive), involvesData, context);
    if (conversions === null) continue;
    const candidate = { literals: new Map([...option].map(([text, shownAs]) => [text, shownAs.text])), conversions };
    if (best === null || conversions.length < best.conversions.length) best = candidate;
    if (conversions.length === 0) break;
  }
  return best ?? none;
}

/** The fewest named factors (one time factor, bits and bytes, or both) whose product leaves a power of ten. */
function namedFactors(ratio: number, involvesData: boolean, context: string): Conversion[] | null {
  if (isPowerOfTen(ratio)) return [];
  const mentioned = (unit: TimeUnit): boolean => MENTION[unit].test(context);
  const both = (pair: { small: TimeUnit; big: TimeUnit }): number =>
    Number(mentioned(pair.small) && mentioned(pair.big));
  const pairs = [...TIME_PAIRS].sort((a, b) => both(b) - both(a));
  const candidates: Conversion[][] = [];
  for (const bits of involvesData ? [0, 1, -1] : [0]) {
    const bitConversion: Conversion[] =
      bits === 0 ? [] : [{ factor: BITS_PER_BYTE, divide: bits < 0, label: "bits/byte" }];
    const rest = ratio / BITS_PER_BYTE ** bits;
    if (isPowerOfTen(rest)) candidates.push(bitConversion);
    for (const pair of pairs) {
      for (const divide of [false, true]) {
        const left = divide ? rest * pair.factor : rest / pair.factor;
        if (isPowerOfTen(left))
          candidates.push([...bitConversion, { factor: pair.factor, divide, label: timeLabel(pair) }]);
      }
    }
  }
  candidates.sort((a, b) => a.length - b.length);
  return candidates[0] ?? null;
}

/** " ÷ 86,400 s/day × 8 bits/byte", to append to a worked line. */
export function showConversions(conversions: readonly Conversion[]): string {
  return conversions
    .map((c) => ` ${c.divide ? "÷" : "×"} ${c.factor.toLocaleString("en-US", { maximumFractionDigits: 0 })} ${c.label}`)
    .join("");
}
