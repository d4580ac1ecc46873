import { isDimensionless } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { evaluate, type Scope } from "../evaluate.ts";
import { formatQuantity } from "../format-quantity.ts";
import { formulaNames } from "../formula/formula-names.ts";
import type { Quantity } from "../quantity.ts";
import { lookupUnit } from "../units/unit-table.ts";
import { parseUnit } from "../units/parse-unit.ts";

/** At most this many lines and characters per line: a whiteboard, not a program. */
export const SCRATCHPAD_MAX_LINES = 40;
export const SCRATCHPAD_MAX_LINE_LENGTH = 200;

/** A message is cut to this length, whatever the line held. */
const MAX_MESSAGE = 200;

/** One line of the scratchpad as the engine read it. */
export type ScratchLine =
  | { readonly kind: "empty" }
  | {
      readonly kind: "value";
      /** the name the line defines ("peak" in `peak = writes * 3`), if any */
      readonly name: string | null;
      /** the expression evaluated, without the name and the conversion */
      readonly expression: string;
      readonly quantity: Quantity;
      /** the value as read: in the unit asked for by `to …`, else in the unit its dimension suggests */
      readonly display: string;
      /** true when the expression uses no earlier line and no given: a number the learner states */
      readonly literal: boolean;
    }
  | { readonly kind: "error"; readonly message: string };

const NAME = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;
const COMMENT = /^\s*(?:#|\/\/)/;
// "peak to MB/s", "storage in TB", "x -> Gbps", "x → Gbps": the last such word splits off a unit to show the value in.
const CONVERSION = /\s+(?:to|in|as)\s+|\s*(?:->|→)\s*/g;

function short(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

function messageOf(error: unknown): string {
  if (error instanceof EngineError) return short(error.message);
  if (error instanceof RangeError) return "This line is too deeply nested to read.";
  throw error;
}

/** Splits "expr to unit" when what follows the last conversion word reads as a unit; else the whole line. */
function splitConversion(text: string): { expression: string; unit: string | null } {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(CONVERSION)) last = match;
  if (last === null) return { expression: text, unit: null };
  const unit = text.slice(last.index + last[0].length).trim();
  const expression = text.slice(0, last.index).trim();
  if (unit === "" || expression === "") return { expression: text, unit: null };
  try {
    parseUnit(unit);
    return { expression, unit };
  } catch (error) {
    if (error instanceof EngineError) return { expression: text, unit: null };
    throw error;
  }
}

function readLine(text: string, scope: Record<string, Quantity>): ScratchLine {
  const trimmed = text.trim();
  if (trimmed === "" || COMMENT.test(trimmed)) return { kind: "empty" };
  if (trimmed.length > SCRATCHPAD_MAX_LINE_LENGTH) {
    return { kind: "error", message: `A line holds at most ${SCRATCHPAD_MAX_LINE_LENGTH} characters; split it.` };
  }
  let name: string | null = null;
  let rest = trimmed;
  const equals = trimmed.indexOf("=");
  // "a = b" names a line; "==", "<=", ">=" and "!=" are comparisons, not names.
  if (equals > 0 && trimmed[equals + 1] !== "=" && !"<>!=".includes(trimmed[equals - 1] ?? "")) {
    const candidate = trimmed.slice(0, equals).trim();
    if (!NAME.test(candidate)) {
      return {
        kind: "error",
        message: short(`“${candidate}” cannot be a name: use letters, digits and _, starting with a letter.`),
      };
    }
    // A count label ("writes", "users") is a fine name; a unit with a size or a dimension ("s", "GB") is not.
    const unit = lookupUnit(candidate);
    if (unit !== undefined && (unit.factor !== 1 || !isDimensionless(unit.dim))) {
      return { kind: "error", message: `“${candidate}” is a unit; give the line another name.` };
    }
    name = candidate;
    rest = trimmed.slice(equals + 1).trim();
    if (rest === "") return { kind: "error", message: `Nothing after “${name} =”.` };
  }
  const { expression, unit } = splitConversion(rest);
  try {
    const quantity = evaluate(expression, scope);
    // The count label rides on the first operand ("users" from dau in dau * 2 / 1 day): shown bare, "4,630/s".
    const bare = { ...quantity, label: "" };
    const display = unit === null ? formatQuantity(bare) : formatQuantity(bare, { unit });
    const literal = formulaNames(expression).every((used) => !Object.hasOwn(scope, used));
    if (name !== null) scope[name] = quantity;
    return { kind: "value", name, expression, quantity, display, literal };
  } catch (error) {
    return { kind: "error", message: messageOf(error) };
  }
}

/**
 * Evaluates a scratchpad line by line, the way a whiteboard is read: `dau = 200M`, `writes = dau * 2 / 1 day`,
 * `peak = writes * 3`, `peak to MB/s`, `storage = 3 KB * writes * 5 years`. A line may name its value
 * (`name = …`) for later lines, and may end with `to <unit>` (or `in`, `as`, `->`) to be shown in that unit. `givens`
 * are names known before the first line (the exercise's givens); a line may redefine one. A line that cannot be
 * read says why, in at most 200 characters, and the others are read as if it were not there. Lines starting with
 * `#` or `//` are comments.
 * @example evaluateScratchpad(["dau = 200M", "dau * 20 / 1 day"])[1] // { kind: "value", display: "46,296/s", … }
 */
export function evaluateScratchpad(lines: readonly string[], givens: Scope = {}): ScratchLine[] {
  // No prototype: a line named "constructor" or "toString" is just a name.
  const scope: Record<string, Quantity> = Object.create(null) as Record<string, Quantity>;
  for (const [key, value] of Object.entries(givens)) {
    scope[key] =
      typeof value === "number" ? { value, dim: { data: 0, time: 0, money: 0 }, label: "", range: null } : value;
  }
  return lines.slice(0, SCRATCHPAD_MAX_LINES).map((line) => readLine(line, scope));
}

/**
 * The names an exercise's givens give a scratchpad: each given's expression ("50000000 users", "1 KB") read by the
 * engine. A given the engine cannot read is left out; the learner can still type its value.
 */
export function givenScope(givens: readonly { readonly name: string; readonly expression: string }[]): Scope {
  const scope: Record<string, Quantity> = {};
  for (const given of givens) {
    try {
      scope[given.name] = evaluate(given.expression);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    }
  }
  return scope;
}
