import { parseFormula } from "./parse.ts";
import type { BinaryOperator, FormulaNode } from "./syntax-tree.ts";

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
 * and literals are kept. `showLiteral` may rewrite a literal as written ("1 day" → "86,400 s"); it keeps it by default.
 * @throws EngineError when the formula does not parse.
 * @example substituteFormula("dau * 20 / 1 day", (name) => (name === "dau" ? "200M users" : undefined)) // "200M users × 20 / 1 day"
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
