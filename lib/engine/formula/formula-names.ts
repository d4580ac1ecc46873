import { parseFormula } from "./parse.ts";
import type { FormulaNode } from "./syntax-tree.ts";

/**
 * The names a formula refers to (givens, earlier steps or units written alone), in order of first use, each once.
 * Units inside literals ("1 day") and function names are not names.
 * @throws EngineError when the formula does not parse.
 * @example formulaNames("dau * actions / 1 day + dau") // ["dau", "actions"]
 */
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
