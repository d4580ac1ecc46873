import { EngineError } from "../engine-error.ts";
import { formatFixed } from "../number-format.ts";
import { excerpt } from "../reader/scanner.ts";
import type { Quantity } from "../quantity.ts";
import { magnitudeOf } from "../units/magnitudes.ts";
import { FORMULA_UNITS, readUnit } from "../units/read-unit.ts";
import { PLAIN_UNIT, type Unit } from "../units/unit.ts";
import { lookupUnit } from "../units/unit-table.ts";
import type { BinaryOperator, FormulaNode } from "./syntax-tree.ts";
import { FUNCTIONS, syntaxError, type Token, tokenize } from "./tokenize.ts";

/**
 * How long a formula may be, and how deep its parentheses, signs and powers may nest: far beyond any worked
 * calculation (the longest in the content is about 100 characters), and low enough that neither this recursive parser
 * nor the recursive evaluator can run out of stack (a RangeError) on whatever a learner pastes into a scratchpad.
 */
export const MAX_FORMULA_LENGTH = 2_000;
export const MAX_NESTING = 200;
/** How many operations deep a parsed formula may be ("1 + 1 + … + 1" is as deep as it has terms). */
export const MAX_TREE_DEPTH = 500;

const COMPARISONS = new Map<string, BinaryOperator>([
  [">", ">"],
  ["<", "<"],
  [">=", ">="],
  ["<=", "<="],
  ["==", "=="],
  ["!=", "!="],
]);

/**
 * A recursive-descent parser over the tokens, loosest binding first:
 *   comparison := additive [(> < >= <= == !=) additive]
 *   additive   := term {(+ -) term}
 *   term       := unary {(* /) unary}
 *   unary      := (- +) unary | power
 *   power      := primary [^ exponent units]     exponent := [- +] (number | primary) [^ exponent]
 *   primary    := literal | $ units | "(" comparison ")" units | name "(" args ")" units | name units
 * A literal is a number with its magnitudes, percent and units, so units bind tighter than `*` and `/`.
 */
class Parser {
  private index = 0;
  private depth = 0;
  private readonly tokens: Token[];
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** One level deeper into the recursion; past {@link MAX_NESTING} the formula is refused, not the stack blown. */
  private enter(): void {
    this.depth++;
    if (this.depth > MAX_NESTING) {
      throw syntaxError(
        this.source,
        this.peek().start,
        `Parentheses, signs or powers nest more than ${MAX_NESTING} deep`,
      );
    }
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

  /** Consumes the next token when it is the operator `text`. */
  private take(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.index++;
    return true;
  }

  private unexpected(token: Token): EngineError {
    if (token.type === "end") return syntaxError(this.source, token.start, "The formula ends too early");
    const text = this.source.slice(token.start, token.end);
    if (token.type === "name" && lookupUnit(text) === undefined) {
      return syntaxError(
        this.source,
        token.start,
        `“${text}” is not a unit Envelope knows (or an operator is missing before it)`,
      );
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

  /** A comparison one level deeper: inside parentheses or a call's argument list. */
  private nested(): FormulaNode {
    this.enter();
    const node = this.comparison();
    this.depth--;
    return node;
  }

  private additive(): FormulaNode {
    let left = this.term();
    for (;;) {
      if (this.take("+")) left = { kind: "binary", op: "+", left, right: this.term() };
      else if (this.take("-")) left = { kind: "binary", op: "-", left, right: this.term() };
      else return left;
    }
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (;;) {
      if (this.take("*")) left = { kind: "binary", op: "*", left, right: this.unary() };
      else if (this.take("/")) left = { kind: "binary", op: "/", left, right: this.unary() };
      else return left;
    }
  }

  private unary(): FormulaNode {
    const negative = this.isOp("-");
    if (!negative && !this.isOp("+")) return this.power();
    this.index++;
    this.enter();
    const operand = this.unary();
    this.depth--;
    return negative ? { kind: "negate", operand } : operand;
  }

  private power(): FormulaNode {
    const base = this.primary();
    if (!this.take("^")) return base;
    const node: FormulaNode = { kind: "binary", op: "^", left: base, right: this.exponent() };
    // "10^5 requests/s": the unit belongs to the power, not to the exponent.
    return this.withUnits(node);
  }

  /** An exponent: a signed number, name, call or group, itself possibly raised (2^3^2 = 2^9). No units. */
  private exponent(): FormulaNode {
    this.enter();
    const node = this.signedExponent();
    this.depth--;
    return node;
  }

  private signedExponent(): FormulaNode {
    if (this.take("-")) return { kind: "negate", operand: this.exponent() };
    if (this.take("+")) return this.exponent();
    const token = this.peek();
    let base: FormulaNode;
    if (token.type === "number") {
      this.index++;
      base = {
        kind: "literal",
        quantity: inUnit(token.value, PLAIN_UNIT),
        text: this.source.slice(token.start, token.end),
      };
    } else {
      base = this.primary();
    }
    if (!this.take("^")) return base;
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
      const inner = this.nested();
      if (!this.take(")")) throw this.unexpected(this.peek());
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
      do args.push(this.nested());
      while (this.take(","));
    }
    if (!this.take(")")) throw this.unexpected(this.peek());
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

/** How many nodes deep the tree is, counted without recursion (the tree may be too deep to recurse into). */
function treeDepth(root: FormulaNode): number {
  let deepest = 0;
  const stack: { node: FormulaNode; depth: number }[] = [{ node: root, depth: 1 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    if (depth > deepest) deepest = depth;
    switch (node.kind) {
      case "negate":
      case "with-unit":
        stack.push({ node: node.operand, depth: depth + 1 });
        break;
      case "group":
        stack.push({ node: node.inner, depth: depth + 1 });
        break;
      case "binary":
        stack.push({ node: node.left, depth: depth + 1 }, { node: node.right, depth: depth + 1 });
        break;
      case "call":
        for (const arg of node.args) stack.push({ node: arg, depth: depth + 1 });
        break;
      case "literal":
      case "name":
        break;
    }
  }
  return deepest;
}

const formulaCache = new Map<string, FormulaNode>();

/**
 * Parses a formula into its tree, cached by string (formulas repeat: every grade of a step re-evaluates it).
 * @throws EngineError (`syntax`, `unknown-name` for an unknown function) with the position of the problem.
 * @example parseFormula("x / 1 day") // { kind: "binary", op: "/", left: { kind: "name", … }, right: { kind: "literal", … } }
 */
export function parseFormula(source: string): FormulaNode {
  const cached = formulaCache.get(source);
  if (cached !== undefined) return cached;
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new EngineError(
      "syntax",
      `The formula is ${formatFixed(source.length, 0)} characters long; a formula may have at most ${formatFixed(MAX_FORMULA_LENGTH, 0)} (“${excerpt(source)}”).`,
      MAX_FORMULA_LENGTH,
    );
  }
  const node = new Parser(source).parse();
  if (treeDepth(node) > MAX_TREE_DEPTH) {
    throw new EngineError(
      "syntax",
      `The formula chains more than ${formatFixed(MAX_TREE_DEPTH, 0)} operations (“${excerpt(source)}”); split it into steps.`,
      0,
    );
  }
  if (formulaCache.size >= 10_000) formulaCache.clear();
  formulaCache.set(source, node);
  return node;
}
