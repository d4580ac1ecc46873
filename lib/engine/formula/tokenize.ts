import { EngineError } from "../engine-error.ts";
import { CHAR, isDigit, isNameStart, isSpace, nameEnd } from "../reader/scanner.ts";

/** One token of a formula, with its position in the source (for error messages and for reading units). */
export type Token =
  | { readonly type: "number"; readonly value: number; readonly start: number; readonly end: number }
  | { readonly type: "name"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: "op"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: "end"; readonly start: number; readonly end: number };

// Each operator character and what it means: the typeset forms (× · ⋅ ÷ − ≥ ≤ ≠) stand for the ASCII ones.
const SINGLE_OPERATORS = new Map<string, string>([
  ["+", "+"],
  ["-", "-"],
  ["−", "-"],
  ["*", "*"],
  ["×", "*"],
  ["·", "*"],
  ["⋅", "*"],
  ["/", "/"],
  ["÷", "/"],
  ["^", "^"],
  ["(", "("],
  [")", ")"],
  [",", ","],
  ["%", "%"],
  ["$", "$"],
  [">", ">"],
  ["<", "<"],
  ["≥", ">="],
  ["≤", "<="],
  ["≠", "!="],
]);

/** Function names the formulas may call (README: ceil floor round min max log2 log10 ln sqrt pow; plus a few). */
export const FUNCTIONS = new Set([
  "ceil",
  "floor",
  "round",
  "min",
  "max",
  "log2",
  "log10",
  "ln",
  "sqrt",
  "pow",
  "abs",
  "exp",
  "clamp",
]);

// A formula up to this long is quoted whole in a message; a longer one by the stretch around the problem.
const QUOTED_WHOLE = 80;
const QUOTED_AROUND = 30;

/** The formula as a message quotes it: whole when short, else the 30 characters either side of `position`. */
export function quoteFormula(source: string, position: number): string {
  if (source.length <= QUOTED_WHOLE) return source;
  let from = Math.max(0, position - QUOTED_AROUND);
  let to = Math.min(source.length, position + QUOTED_AROUND);
  // Never half an emoji at either cut.
  if (from > 0 && isLowSurrogate(source.charCodeAt(from))) from--;
  if (to < source.length && isLowSurrogate(source.charCodeAt(to))) to++;
  return `${from > 0 ? "…" : ""}${source.slice(from, to)}${to < source.length ? "…" : ""}`;
}

function isLowSurrogate(c: number): boolean {
  return c >= CHAR.lowSurrogateFirst && c <= CHAR.lowSurrogateLast;
}

/** A syntax error at a position of a formula, counted from 1 in the message. */
export function syntaxError(source: string, position: number, what: string): EngineError {
  return new EngineError(
    "syntax",
    `${what} at position ${position + 1} in “${quoteFormula(source, position)}”.`,
    position,
  );
}

/**
 * Splits a formula into tokens. Thousands commas are allowed in numbers ("86,400") except inside a function call's
 * parentheses, where a comma separates arguments (write max(1000, 2000)). Typeset operators become their ASCII
 * forms (× → *, ÷ → /, − → -, ≥ → >=, ** → ^).
 * @throws EngineError (`syntax`) on a character that is no part of a formula.
 * @example tokenize("2 × 86,400").map((t) => t.type) // ["number", "op", "number", "end"]
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const calls: boolean[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === CHAR.dot && isDigit(source.charCodeAt(i + 1)))) {
      const start = i;
      const inCall = calls.length > 0 && calls[calls.length - 1] === true;
      let commas = false;
      while (i < source.length) {
        const d = source.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (
          d === CHAR.comma &&
          !inCall &&
          isDigit(source.charCodeAt(i + 1)) &&
          isDigit(source.charCodeAt(i + 2)) &&
          isDigit(source.charCodeAt(i + 3)) &&
          !isDigit(source.charCodeAt(i + 4))
        ) {
          commas = true;
          i += 4;
        } else break;
      }
      if (source.charCodeAt(i) === CHAR.dot && isDigit(source.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(source.charCodeAt(i))) i++;
      }
      const e = source.charCodeAt(i);
      if (e === CHAR.lowerE || e === CHAR.upperE) {
        let k = i + 1;
        const sign = source.charCodeAt(k);
        if (sign === CHAR.plus || sign === CHAR.hyphen) k++;
        if (isDigit(source.charCodeAt(k))) {
          while (isDigit(source.charCodeAt(k))) k++;
          i = k;
        }
      }
      const raw = source.slice(start, i);
      tokens.push({ type: "number", value: Number(commas ? raw.replaceAll(",", "") : raw), start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      i = nameEnd(source, i);
      tokens.push({ type: "name", text: source.slice(start, i), start, end: i });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === ">=" || two === "<=" || two === "==" || two === "!=" || two === "**") {
      tokens.push({ type: "op", text: two === "**" ? "^" : two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    const op = SINGLE_OPERATORS.get(source.charAt(i));
    if (op === undefined) throw syntaxError(source, i, `Unexpected character “${source.charAt(i)}”`);
    if (op === "(") {
      const previous = tokens[tokens.length - 1];
      calls.push(previous !== undefined && previous.type === "name" && FUNCTIONS.has(previous.text));
    } else if (op === ")") {
      calls.pop();
    }
    tokens.push({ type: "op", text: op, start: i, end: i + 1 });
    i++;
  }
  tokens.push({ type: "end", start: source.length, end: source.length });
  return tokens;
}
