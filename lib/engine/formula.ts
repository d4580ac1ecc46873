import { dimensionOf } from "./dimension.ts";
import { EngineError } from "./engine-error.ts";
import type { Quantity } from "./quantity.ts";
import { CHAR, isDigit, isNameStart, isSpace, nameEnd } from "./reader/scanner.ts";
import { magnitudeOf } from "./units/magnitudes.ts";
import { FORMULA_UNITS, readUnit } from "./units/read-unit.ts";
import { PLAIN_UNIT, type Unit } from "./units/unit.ts";
import { lookupUnit } from "./units/unit-table.ts";

/** A parsed formula. Literals carry their quantity already computed; `text` keeps what the author wrote. */
export type FormulaNode =
  | { readonly kind: "literal"; readonly quantity: Quantity; readonly text: string }
  | { readonly kind: "name"; readonly name: string; readonly position: number }
  | { readonly kind: "negate"; readonly operand: FormulaNode }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly FormulaNode[]; readonly position: number }
  | { readonly kind: "group"; readonly inner: FormulaNode }
  | { readonly kind: "with-unit"; readonly operand: FormulaNode; readonly unit: Quantity; readonly text: string };

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | ">" | "<" | ">=" | "<=" | "==" | "!=";

type Token =
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

function syntaxError(source: string, position: number, what: string): EngineError {
  return new EngineError("syntax", `${what} at position ${position + 1} in “${source}”.`, position);
}

/**
 * Splits a formula into tokens. Thousands commas are allowed in numbers ("86,400") except inside a function call's
 * parentheses, where a comma separates arguments (write max(1000, 2000)).
 */
function tokenize(source: string): Token[] {
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

const COMPARISONS = new Map<string, BinaryOperator>([
  [">", ">"],
  ["<", "<"],
  [">=", ">="],
  ["<=", "<="],
  ["==", "=="],
  ["!=", "!="],
]);

class Parser {
  private index = 0;
  private readonly tokens: Token[];
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  parse(): FormulaNode {
    if (this.peek().type === "end") throw new EngineError("syntax", "The formula is empty.", 0);
    const node = this.comparison();
    const next = this.peek();
    if (next.type !== "end") throw this.unexpected(next);
    return node;
  }

  private peek(offset = 0): Token {
    const token = this.tokens[this.index + offset] ?? this.tokens[this.tokens.length - 1];
    if (token === undefined) throw new EngineError("syntax", "The formula is empty.", 0);
    return token;
  }

  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "op" && token.text === text;
  }

  private unexpected(token: Token): EngineError {
    if (token.type === "end") return syntaxError(this.source, token.start, "The formula ends too early");
    const text = this.source.slice(token.start, token.end);
    if (token.type === "name" && lookupUnit(text) === undefined) {
      return syntaxError(this.source, token.start, `“${text}” is not a unit Envelope knows (or an operator is missing before it)`);
    }
    return syntaxError(this.source, token.start, `Unexpected “${text}”`);
  }

  private comparison(): FormulaNode {
    const left = this.additive();
    const token = this.peek();
    if (token.type === "op" && COMPARISONS.has(token.text)) {
      this.index++;
      const op = COMPARISONS.get(token.text);
      if (op !== undefined) return { kind: "binary", op, left, right: this.additive() };
    }
    return left;
  }

  private additive(): FormulaNode {
    let left = this.term();
    for (;;) {
      if (this.isOp("+")) {
        this.index++;
        left = { kind: "binary", op: "+", left, right: this.term() };
      } else if (this.isOp("-")) {
        this.index++;
        left = { kind: "binary", op: "-", left, right: this.term() };
      } else {
        return left;
      }
    }
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (;;) {
      if (this.isOp("*")) {
        this.index++;
        left = { kind: "binary", op: "*", left, right: this.unary() };
      } else if (this.isOp("/")) {
        this.index++;
        left = { kind: "binary", op: "/", left, right: this.unary() };
      } else {
        return left;
      }
    }
  }

  private unary(): FormulaNode {
    if (this.isOp("-")) {
      this.index++;
      return { kind: "negate", operand: this.unary() };
    }
    if (this.isOp("+")) {
      this.index++;
      return this.unary();
    }
    return this.power();
  }

  private power(): FormulaNode {
    const base = this.primary();
    if (!this.isOp("^")) return base;
    this.index++;
    const node: FormulaNode = { kind: "binary", op: "^", left: base, right: this.exponent() };
    // "10^5 requests/s": the unit belongs to the power, not to the exponent.
    return this.withUnits(node);
  }

  /** An exponent: a signed number, name, call or group, itself possibly raised (2^3^2 = 2^9). No units. */
  private exponent(): FormulaNode {
    if (this.isOp("-")) {
      this.index++;
      return { kind: "negate", operand: this.exponent() };
    }
    if (this.isOp("+")) {
      this.index++;
      return this.exponent();
    }
    const token = this.peek();
    let base: FormulaNode;
    if (token.type === "number") {
      this.index++;
      base = { kind: "literal", quantity: plain(token.value), text: this.source.slice(token.start, token.end) };
    } else {
      base = this.primary();
    }
    if (!this.isOp("^")) return base;
    this.index++;
    return { kind: "binary", op: "^", left: base, right: this.exponent() };
  }

  private primary(): FormulaNode {
    const token = this.peek();
    if (token.type === "number") return this.numberLiteral(token.start, token.value, 0);
    if (token.type === "op" && token.text === "$") {
      this.index++;
      const next = this.peek();
      if (next.type === "number") return this.numberLiteral(token.start, next.value, 1);
      return this.unitLiteral(token.start, token.end);
    }
    if (token.type === "op" && token.text === "(") {
      this.index++;
      const inner = this.comparison();
      if (!this.isOp(")")) throw this.unexpected(this.peek());
      this.index++;
      return this.withUnits({ kind: "group", inner });
    }
    if (token.type === "name") {
      this.index++;
      if (this.isOp("(")) return this.withUnits(this.call(token));
      return this.withUnits({ kind: "name", name: token.text, position: token.start });
    }
    throw this.unexpected(token);
  }

  private call(token: Token & { type: "name" }): FormulaNode {
    if (!FUNCTIONS.has(token.text)) {
      throw new EngineError(
        "unknown-name",
        `Unknown function “${token.text}” in “${this.source}”; the functions are ${[...FUNCTIONS].join(", ")}.`,
        token.start,
      );
    }
    this.index++; // (
    const args: FormulaNode[] = [];
    if (!this.isOp(")")) {
      for (;;) {
        args.push(this.comparison());
        if (this.isOp(",")) {
          this.index++;
          continue;
        }
        break;
      }
    }
    if (!this.isOp(")")) throw this.unexpected(this.peek());
    this.index++;
    return { kind: "call", fn: token.text, args, position: token.start };
  }

  /** A number with its magnitudes (200M), percent (20%) and unit (3 TB/day, 10k requests/s): one literal. */
  private numberLiteral(start: number, value: number, money: number): FormulaNode {
    this.index++; // the number token
    let scaled = value;
    let end = this.tokens[this.index - 1]?.end ?? start;
    for (;;) {
      const next = this.peek();
      if (next.type !== "name" || this.isOp("(", 1)) break;
      const magnitude = magnitudeOf(next.text);
      if (magnitude === 0) break;
      scaled *= magnitude;
      end = next.end;
      this.index++;
    }
    if (this.isOp("%")) {
      scaled /= 100;
      end = this.peek().end;
      this.index++;
    }
    const read = readUnit(this.source, end, FORMULA_UNITS, money);
    this.skipTo(read.end);
    const unit = read.unit ?? PLAIN_UNIT;
    return { kind: "literal", quantity: inUnit(scaled * unit.factor, unit), text: this.source.slice(start, read.end) };
  }

  /** A `$` with no number after it: the dollar as a unit ("x * $"), with what follows it ("$/month"). */
  private unitLiteral(start: number, dollarEnd: number): FormulaNode {
    const read = readUnit(this.source, dollarEnd, FORMULA_UNITS, 1);
    this.skipTo(read.end);
    const unit = read.unit ?? PLAIN_UNIT;
    return { kind: "literal", quantity: inUnit(unit.factor, unit), text: this.source.slice(start, read.end) };
  }

  /** A unit right after an expression ("(a + b) ms"), applied to it. */
  private withUnits(node: FormulaNode): FormulaNode {
    const next = this.peek();
    if (next.type !== "name" || this.isOp("(", 1) || lookupUnit(next.text) === undefined) return node;
    const read = readUnit(this.source, next.start, FORMULA_UNITS);
    this.skipTo(read.end);
    const unit = read.unit ?? PLAIN_UNIT;
    const text = this.source.slice(next.start, read.end);
    return { kind: "with-unit", operand: node, unit: inUnit(unit.factor, unit), text };
  }

  /** Moves past the tokens a unit was read from. */
  private skipTo(end: number): void {
    while ((this.tokens[this.index]?.start ?? end) < end) this.index++;
  }
}

function inUnit(value: number, unit: Unit): Quantity {
  return { value, dim: unit.dim, label: unit.label, range: null };
}

function plain(value: number): Quantity {
  return { value, dim: dimensionOf(0, 0, 0), label: "", range: null };
}

const formulaCache = new Map<string, FormulaNode>();

/**
 * Parses a formula into its tree, cached by string (formulas repeat: every grade of a step re-evaluates it).
 * @throws EngineError (`syntax`, `unknown-name` for an unknown function) with the position of the problem.
 */
export function parseFormula(source: string): FormulaNode {
  const cached = formulaCache.get(source);
  if (cached !== undefined) return cached;
  const node = new Parser(source).parse();
  if (formulaCache.size >= 10_000) formulaCache.clear();
  formulaCache.set(source, node);
  return node;
}

/** The names a formula refers to (givens, earlier steps or units written alone), in order of first use. */
export function formulaNames(source: string): string[] {
  const names: string[] = [];
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case "literal":
        return;
      case "name":
        if (!names.includes(node.name)) names.push(node.name);
        return;
      case "negate":
        visit(node.operand);
        return;
      case "binary":
        visit(node.left);
        visit(node.right);
        return;
      case "call":
        node.args.forEach(visit);
        return;
      case "group":
        visit(node.inner);
        return;
      case "with-unit":
        visit(node.operand);
        return;
    }
  };
  visit(parseFormula(source));
  return names;
}

const SHOWN_OPERATORS: Record<BinaryOperator, string> = {
  "+": " + ",
  "-": " − ",
  "*": " × ",
  "/": " / ",
  "^": "^",
  ">": " > ",
  "<": " < ",
  ">=": " ≥ ",
  "<=": " ≤ ",
  "==": " = ",
  "!=": " ≠ ",
};

/**
 * The formula written out with each name replaced by `show(name)` (a name `show` does not know stays as written):
 * "dau * actions / 1 day" → "200M users × 20 / 1 day". Operators are typeset (×, −), the author's parentheses
 * and literals are kept.
 */
export function substituteFormula(
  source: string,
  show: (name: string) => string | undefined,
  showLiteral: (text: string) => string | undefined = () => undefined,
): string {
  const print = (node: FormulaNode): string => {
    switch (node.kind) {
      case "literal":
        return showLiteral(node.text) ?? node.text;
      case "name":
        return show(node.name) ?? node.name;
      case "negate":
        return `−${print(node.operand)}`;
      case "binary":
        return `${print(node.left)}${SHOWN_OPERATORS[node.op]}${print(node.right)}`;
      case "call":
        return `${node.fn}(${node.args.map(print).join(", ")})`;
      case "group":
        return `(${print(node.inner)})`;
      case "with-unit":
        return `${print(node.operand)} ${node.text}`;
    }
  };
  return print(parseFormula(source));
}
