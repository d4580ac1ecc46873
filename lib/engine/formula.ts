import { type Dimension, MONEY, dimensionOf } from "./dimension.ts";
import { EngineError } from "./engine-error.ts";
import type { Quantity } from "./quantity.ts";
import { isDigit, isWordChar, lookupUnit, magnitudeOf } from "./units.ts";

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

const SINGLE_OPERATORS = new Map<number, string>([
  [43, "+"],
  [45, "-"],
  [0x2212, "-"],
  [42, "*"],
  [0xd7, "*"],
  [0xb7, "*"],
  [0x22c5, "*"],
  [47, "/"],
  [0xf7, "/"],
  [94, "^"],
  [40, "("],
  [41, ")"],
  [44, ","],
  [37, "%"],
  [36, "$"],
  [62, ">"],
  [60, "<"],
  [0x2265, ">="],
  [0x2264, "<="],
  [0x2260, "!="],
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
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      const start = i;
      const inCall = calls.length > 0 && calls[calls.length - 1] === true;
      let commas = false;
      while (i < source.length) {
        const d = source.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (
          d === 44 &&
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
      if (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1))) {
        i += 2;
        while (isDigit(source.charCodeAt(i))) i++;
      }
      const e = source.charCodeAt(i);
      if (e === 101 || e === 69) {
        let k = i + 1;
        const sign = source.charCodeAt(k);
        if (sign === 43 || sign === 45) k++;
        if (isDigit(source.charCodeAt(k))) {
          while (isDigit(source.charCodeAt(k))) k++;
          i = k;
        }
      }
      const raw = source.slice(start, i);
      tokens.push({ type: "number", value: Number(commas ? raw.replaceAll(",", "") : raw), start, end: i });
      continue;
    }
    if (isWordChar(c) || c === 95 /* _ */) {
      const start = i;
      while (i < source.length) {
        const d = source.charCodeAt(i);
        if (isWordChar(d) || isDigit(d) || d === 95) i++;
        else break;
      }
      tokens.push({ type: "name", text: source.slice(start, i), start, end: i });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === ">=" || two === "<=" || two === "==" || two === "!=" || two === "**") {
      tokens.push({ type: "op", text: two === "**" ? "^" : two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    const op = SINGLE_OPERATORS.get(c);
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

type UnitAccumulator = { factor: number; data: number; time: number; money: number; label: string; end: number };

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
      return this.unitLiteral(token.start, { factor: 1, data: 0, time: 0, money: 1, label: "", end: token.end });
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
    const unit: UnitAccumulator = { factor: 1, data: 0, time: 0, money, label: "", end };
    this.readUnits(unit, money > 0);
    const quantity: Quantity = {
      value: scaled * unit.factor,
      dim: dimensionOf(unit.data, unit.time, unit.money),
      label: unit.label,
      range: null,
    };
    return { kind: "literal", quantity, text: this.source.slice(start, unit.end) };
  }

  private unitLiteral(start: number, unit: UnitAccumulator): FormulaNode {
    this.readUnits(unit, true);
    const quantity: Quantity = {
      value: unit.factor,
      dim: dimensionOf(unit.data, unit.time, unit.money),
      label: unit.label,
      range: null,
    };
    return { kind: "literal", quantity, text: this.source.slice(start, unit.end) };
  }

  /** A unit right after an expression ("(a + b) ms"), applied to it. */
  private withUnits(node: FormulaNode): FormulaNode {
    const next = this.peek();
    if (next.type !== "name" || this.isOp("(", 1) || lookupUnit(next.text) === undefined) return node;
    const unit: UnitAccumulator = { factor: 1, data: 0, time: 0, money: 0, label: "", end: next.start };
    this.readUnits(unit, false);
    const quantity: Quantity = {
      value: unit.factor,
      dim: dimensionOf(unit.data, unit.time, unit.money),
      label: unit.label,
      range: null,
    };
    return { kind: "with-unit", operand: node, unit: quantity, text: this.source.slice(next.start, unit.end) };
  }

  /**
   * Unit words after a number: a first unit (any, labels included: "10k requests") and then `/unit` continuations
   * for data, time and money units only ("requests/s", "TB/day", "$/GB/month"). A count label after `/` is left as
   * a division, so a given named like a label ("/ servers") still divides by the given.
   */
  private readUnits(unit: UnitAccumulator, started: boolean): void {
    let any = started;
    const first = this.peek();
    if (first.type === "op" && first.text === "$" && this.peek(1).type !== "number") {
      // "3 $/month": a dollar sign written after the number.
      this.apply(unit, 1, MONEY, "", 1);
      unit.end = first.end;
      this.index++;
      any = true;
    } else if (first.type === "name" && !this.isOp("(", 1)) {
      const entry = lookupUnit(first.text);
      if (entry !== undefined) {
        this.apply(unit, entry.factor, entry.dim, entry.label, 1);
        unit.end = first.end;
        this.index++;
        any = true;
      }
    }
    while (any && this.isOp("/")) {
      const next = this.peek(1);
      if (next.type !== "name" || this.isOp("(", 2)) break;
      const entry = lookupUnit(next.text);
      if (entry === undefined || entry.label !== "" || entry.dim.data + entry.dim.time + entry.dim.money === 0) break;
      this.apply(unit, entry.factor, entry.dim, "", -1);
      unit.end = next.end;
      this.index += 2;
    }
  }

  private apply(unit: UnitAccumulator, factor: number, dim: Dimension, label: string, sign: 1 | -1): void {
    unit.factor = sign === 1 ? unit.factor * factor : unit.factor / factor;
    unit.data += sign * dim.data;
    unit.time += sign * dim.time;
    unit.money += sign * dim.money;
    if (sign === 1 && unit.label === "" && label !== "") unit.label = label;
  }
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
