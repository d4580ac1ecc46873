import {
  COUNT,
  type Dimension,
  describeDimension,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerDimension,
  sameDimension,
} from "./dimension.ts";
import { EngineError } from "./engine-error.ts";
import { parseFormula } from "./formula/parse.ts";
import type { FormulaNode } from "./formula/syntax-tree.ts";
import type { Quantity } from "./quantity.ts";
import { lookupUnit } from "./units/unit-table.ts";

/** Named values a formula may use: quantities, or plain numbers (dimensionless). */
export type Scope = Readonly<Record<string, Quantity | number>>;

type Context = { readonly source: string; readonly scope: Scope };

function q(value: number, dim: Dimension, label: string): Quantity {
  return { value, dim, label, range: null };
}

function mismatch(ctx: Context, what: string, a: Dimension, b: Dimension): EngineError {
  return new EngineError(
    "dimension-mismatch",
    `${what} ${describeDimension(a).phrase} and ${describeDimension(b).phrase} in “${ctx.source}”.`,
  );
}

function lookup(ctx: Context, name: string, position: number): Quantity {
  if (Object.prototype.hasOwnProperty.call(ctx.scope, name)) {
    const value = ctx.scope[name];
    if (typeof value === "number") return q(value, COUNT, "");
    if (value !== undefined) return value;
  }
  const unit = lookupUnit(name);
  if (unit !== undefined) return q(unit.factor, unit.dim, unit.label);
  const known = Object.keys(ctx.scope);
  throw new EngineError(
    "unknown-name",
    `Unknown name “${name}” in “${ctx.source}”${known.length > 0 ? `; known names: ${known.join(", ")}` : ""}.`,
    position,
  );
}

function plainArgument(ctx: Context, fn: string, x: Quantity): number {
  if (!isDimensionless(x.dim)) {
    throw new EngineError(
      "dimension-mismatch",
      `${fn}() needs a plain number but got ${describeDimension(x.dim).phrase} in “${ctx.source}”; divide by a unit first, e.g. ${fn}(x / (1 GB)).`,
    );
  }
  return x.value;
}

function arity(ctx: Context, fn: string, args: readonly Quantity[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
    throw new EngineError("invalid-argument", `${fn}() takes ${wanted} argument(s) in “${ctx.source}”.`);
  }
}

function raise(ctx: Context, base: Quantity, exponent: Quantity): Quantity {
  const e = plainArgument(ctx, "^", exponent);
  if (isDimensionless(base.dim)) return q(base.value ** e, base.dim, base.label);
  const dim = powerDimension(base.dim, e);
  if (!Number.isInteger(dim.data) || !Number.isInteger(dim.time) || !Number.isInteger(dim.money)) {
    throw new EngineError(
      "dimension-mismatch",
      `Cannot raise ${describeDimension(base.dim).phrase} to the power ${e} in “${ctx.source}”.`,
    );
  }
  return q(base.value ** e, dim, "");
}

function sameDimensions(ctx: Context, fn: string, args: readonly Quantity[]): void {
  const first = args[0];
  if (first === undefined) return;
  for (const arg of args)
    if (!sameDimension(arg.dim, first.dim)) throw mismatch(ctx, `${fn}() mixes`, first.dim, arg.dim);
}

function call(ctx: Context, fn: string, args: readonly Quantity[]): Quantity {
  const [x, y, z] = args;
  switch (fn) {
    case "ceil":
    case "floor":
    case "round": {
      arity(ctx, fn, args, 1, fn === "round" ? 2 : 1);
      if (x === undefined) break;
      const raw = plainArgument(ctx, fn, x);
      // Floating-point noise (300 ms / 100 ms = 2.9999999999999996) must not move ceil or floor by a whole step.
      const nearest = Math.round(raw);
      const v = Math.abs(raw - nearest) <= 1e-9 * Math.max(1, Math.abs(raw)) ? nearest : raw;
      if (fn === "ceil") return q(Math.ceil(v), x.dim, x.label);
      if (fn === "floor") return q(Math.floor(v), x.dim, x.label);
      const digits = y === undefined ? 0 : plainArgument(ctx, fn, y);
      const scale = 10 ** digits;
      return q(Math.round(v * scale) / scale, x.dim, x.label);
    }
    case "min":
    case "max": {
      arity(ctx, fn, args, 1, Infinity);
      sameDimensions(ctx, fn, args);
      let best = x;
      for (const arg of args)
        if (best === undefined || (fn === "min" ? arg.value < best.value : arg.value > best.value)) best = arg;
      if (best !== undefined) return best;
      break;
    }
    case "clamp": {
      arity(ctx, fn, args, 3, 3);
      sameDimensions(ctx, fn, args);
      if (x === undefined || y === undefined || z === undefined) break;
      return q(Math.min(Math.max(x.value, y.value), z.value), x.dim, x.label);
    }
    case "log2":
    case "log10":
    case "ln":
    case "exp": {
      arity(ctx, fn, args, 1, 1);
      if (x === undefined) break;
      const v = plainArgument(ctx, fn, x);
      if (fn !== "exp" && v <= 0) {
        throw new EngineError("not-finite", `${fn}() of ${v} (not positive) in “${ctx.source}”.`);
      }
      const result =
        fn === "log2" ? Math.log2(v) : fn === "log10" ? Math.log10(v) : fn === "ln" ? Math.log(v) : Math.exp(v);
      return q(result, COUNT, "");
    }
    case "sqrt": {
      arity(ctx, fn, args, 1, 1);
      if (x === undefined) break;
      if (x.value < 0) throw new EngineError("not-finite", `sqrt() of a negative number in “${ctx.source}”.`);
      return raise(ctx, x, q(0.5, COUNT, ""));
    }
    case "pow": {
      arity(ctx, fn, args, 2, 2);
      if (x === undefined || y === undefined) break;
      return raise(ctx, x, y);
    }
    case "abs": {
      arity(ctx, fn, args, 1, 1);
      if (x === undefined) break;
      return q(Math.abs(x.value), x.dim, x.label);
    }
  }
  throw new EngineError("unknown-name", `Unknown function “${fn}” in “${ctx.source}”.`);
}

function compare(op: string, a: number, b: number): boolean {
  // Comparisons allow for floating-point noise: 0.1 + 0.2 == 0.3 holds.
  const close = Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  switch (op) {
    case ">":
      return a > b && !close;
    case "<":
      return a < b && !close;
    case ">=":
      return a > b || close;
    case "<=":
      return a < b || close;
    case "==":
      return close;
    default:
      return !close;
  }
}

function evaluateNode(ctx: Context, node: FormulaNode): Quantity {
  switch (node.kind) {
    case "literal":
      return node.quantity;
    case "name":
      return lookup(ctx, node.name, node.position);
    case "group":
      return evaluateNode(ctx, node.inner);
    case "negate": {
      const x = evaluateNode(ctx, node.operand);
      return q(-x.value, x.dim, x.label);
    }
    case "with-unit": {
      const x = evaluateNode(ctx, node.operand);
      return q(x.value * node.unit.value, multiplyDimensions(x.dim, node.unit.dim), x.label || node.unit.label);
    }
    case "call":
      return call(
        ctx,
        node.fn,
        node.args.map((arg) => evaluateNode(ctx, arg)),
      );
    case "binary": {
      const a = evaluateNode(ctx, node.left);
      const b = evaluateNode(ctx, node.right);
      switch (node.op) {
        case "+":
        case "-":
          if (!sameDimension(a.dim, b.dim))
            throw mismatch(ctx, node.op === "+" ? "Cannot add" : "Cannot subtract", a.dim, b.dim);
          return q(node.op === "+" ? a.value + b.value : a.value - b.value, a.dim, a.label || b.label);
        case "*":
          return q(a.value * b.value, multiplyDimensions(a.dim, b.dim), a.label || b.label);
        case "/":
          // requests/s ÷ (requests/s per server) is a plain number: a labelled divisor makes the result a ratio.
          return q(a.value / b.value, divideDimensions(a.dim, b.dim), b.label === "" ? a.label : "");
        case "^":
          return raise(ctx, a, b);
        default:
          if (!sameDimension(a.dim, b.dim)) throw mismatch(ctx, "Cannot compare", a.dim, b.dim);
          return q(compare(node.op, a.value, b.value) ? 1 : 0, COUNT, "");
      }
    }
  }
}

/**
 * Evaluates a formula with units and named givens, without eval or Function: a hand-written parser whose trees are
 * cached by string. Numbers take magnitudes (200M, 10k, 3bn), percent (20%) and units (1 day, 3 TB/day,
 * 10k requests/s, $0.023/GB/month), which bind tighter than `*` and `/`: "x / 1 day" divides by a day. Operators:
 * `+ - * / ^` (also × · ÷ − **), comparisons (`> < >= <= == !=`, giving 1 or 0), parentheses, and the functions
 * ceil floor round min max clamp log2 log10 ln exp sqrt pow abs. In formulas `B` is always bytes (write `bn` for
 * billion); a month is 30 days and a year 365.
 *
 * Names are looked up in `scope` first (numbers are plain), then as units ("x / day"). Adding or comparing
 * different dimensions, rounding or taking the log of a dimensioned quantity, and a result that is not a finite
 * number all throw.
 * @throws EngineError (`syntax`, `unknown-name`, `dimension-mismatch`, `not-finite`, `invalid-argument`).
 * @example evaluate("dau * actions / 1 day", { dau: 200e6, actions: 20 }) // 46,296.3 per second
 * @example evaluate("ceil(peak / (10k requests/s))", { peak: evaluate("208,333 requests/s") }) // 21
 */
export function evaluate(expression: string, scope: Scope = {}): Quantity {
  const ctx: Context = { source: expression, scope };
  const result = evaluateNode(ctx, parseFormula(expression));
  if (!Number.isFinite(result.value)) {
    throw new EngineError("not-finite", `“${expression}” does not give a finite number (a division by zero?).`);
  }
  return result;
}
