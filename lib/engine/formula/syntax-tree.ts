import type { Quantity } from "../quantity.ts";

/**
 * A parsed formula, as parseFormula (parse.ts) returns it. Literals carry their quantity already computed; `text`
 * keeps what the author wrote.
 */
export type FormulaNode =
  | { readonly kind: "literal"; readonly quantity: Quantity; readonly text: string }
  | { readonly kind: "name"; readonly name: string; readonly position: number }
  | { readonly kind: "negate"; readonly operand: FormulaNode }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly FormulaNode[]; readonly position: number }
  | { readonly kind: "group"; readonly inner: FormulaNode }
  | { readonly kind: "with-unit"; readonly operand: FormulaNode; readonly unit: Quantity; readonly text: string };

/** The operators of a formula, after the typeset forms (× ÷ − ≥ ≤ ≠ **) are read as these. */
export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | ">" | "<" | ">=" | "<=" | "==" | "!=";
