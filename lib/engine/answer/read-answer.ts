import { describeDimension, isDimensionless, sameDimension } from "../dimension.ts";
import { attachUnit } from "../format-quantity.ts";
import { formatRead } from "../number-format.ts";
import { makeQuantity, makeRange, type Quantity } from "../quantity.ts";
import { CHAR, excerpt, isWordChar, skipSpaces, wordEnd, withoutInvisibles } from "../reader/scanner.ts";
import { isQualifier } from "../units/read-unit.ts";
import { PLAIN_UNIT, type Unit } from "../units/unit.ts";
import { type AnswerContext, answerContext } from "./answer-context.ts";
import { rangeSeparator, readSingle, type Single } from "./read-single.ts";

/** The engine's own reading of an answer, used by grading (which needs the wrong-dimension quantity too). */
export type AnswerReading =
  | { kind: "ok"; quantity: Quantity; read: string }
  | { kind: "unreadable"; message: string }
  | { kind: "wrong-dimension"; message: string };

/** The longest message about an answer, whatever its length: it is shown under the answer box. */
export const MAX_MESSAGE_LENGTH = 200;

/** A message cut to {@link MAX_MESSAGE_LENGTH}: without the sentence on what is asked if need be, then clipped. */
function bounded(message: string, tail: string): string {
  if (message.length + tail.length <= MAX_MESSAGE_LENGTH) return message + tail;
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return excerpt(message, MAX_MESSAGE_LENGTH - 1);
}

function unreadable(src: string, ctx: AnswerContext, why: string): AnswerReading {
  return { kind: "unreadable", message: bounded(`Could not read “${excerpt(src)}”: ${why}.`, ctx.asked) };
}

/** Skips a word that says which figure the answer is ("peak", "avg") at i, with the spaces before it. */
function skipQualifier(src: string, i: number): number {
  const k = skipSpaces(src, i);
  const end = wordEnd(src, k);
  if (end === k || !isWordChar(src.charCodeAt(k)) || !isQualifier(src.slice(k, end))) return i;
  return skipSpaces(src, end);
}

/** The unit an end of the answer is in: as written, or, for a bare number, the unit the question asks for. */
function resolveUnit(unit: Unit | null, ctx: AnswerContext): Unit {
  const expect = ctx.expect;
  if (unit === null) return expect ?? PLAIN_UNIT;
  // "46k requests" for a question in requests/s: the learner named the thing, not the unit; read it in the unit asked.
  if (
    expect !== null &&
    isDimensionless(unit.dim) &&
    unit.label !== "" &&
    unit.label === expect.label &&
    !isDimensionless(expect.dim)
  ) {
    return expect;
  }
  return unit;
}

/**
 * Reads a learner's answer in the unit a question asks for (`expect`), or as written when there is none.
 * Never throws: anything it cannot read comes back as `unreadable`, a dimension other than `expect`'s as
 * `wrong-dimension`, each with a message that says what was read and what was expected. A range's ends may
 * share one magnitude or unit ("30-80k", "30k-80k requests/s") and come back low to high.
 * @example readAnswer("46k", parseUnit("requests/s")) // { kind: "ok", quantity: { value: 46000, … }, read: "read as 46,000 requests/s" }
 */
export function readAnswer(src: string, expect: Unit | null): AnswerReading {
  const ctx = answerContext(expect);
  const reading = readWith(src, ctx);
  if (reading.kind !== "unreadable") return reading;
  // Zero-width spaces, joiners, a byte-order mark or a soft hyphen pasted in with the answer: read it without them.
  // (They stop every reader, so an answer holding one never reads as something else first.)
  const visible = withoutInvisibles(src);
  return visible === null ? reading : readWith(visible, ctx);
}

function readWith(src: string, ctx: AnswerContext): AnswerReading {
  const first = readSingle(src, 0, ctx);
  if (first.error !== null) {
    if (skipSpaces(src, 0) === src.length) return { kind: "unreadable", message: "No answer given." };
    return unreadable(src, ctx, first.error);
  }
  let second: Single | null = null;
  let end = skipSpaces(src, first.end);
  const separator = rangeSeparator(src, end);
  if (separator > 0) {
    second = readSingle(src, end + separator, ctx);
    if (second.error !== null) return unreadable(src, ctx, second.error);
    end = skipSpaces(src, second.end);
  }
  if (src.charCodeAt(end) === CHAR.dot) end = skipSpaces(src, end + 1);
  if (end < src.length) {
    end = skipQualifier(src, end);
    if (src.charCodeAt(end) === CHAR.dot) end = skipSpaces(src, end + 1);
  }
  if (end < src.length) {
    const read = src.slice(0, end).trim();
    return unreadable(src, ctx, `read “${excerpt(read, 20)}”, then could not read “${excerpt(src.slice(end), 20)}”`);
  }
  let lowNum = first.num;
  const highNum = second === null ? first.num : second.num;
  let lowUnit = first.unit;
  let highUnit = second === null ? first.unit : second.unit;
  if (second !== null) {
    // "30-80k" is 30k to 80k, and "30k-80k requests/s" has its unit on the second end only.
    // ("500-5k" stays 500 to 5,000: the suffix carries over only when the low end stays below the high end.)
    if (
      first.unit === null &&
      first.magnitude === 1 &&
      second.magnitude !== 1 &&
      lowNum * second.magnitude <= highNum
    ) {
      lowNum *= second.magnitude;
    }
    if (lowUnit === null) lowUnit = highUnit;
    if (highUnit === null) highUnit = lowUnit;
  }
  const low = resolveUnit(lowUnit, ctx);
  const high = second === null ? low : resolveUnit(highUnit, ctx);
  if (!sameDimension(low.dim, high.dim)) {
    return unreadable(
      src,
      ctx,
      `the two ends of the range are in different kinds of unit (${excerpt(low.text)} and ${excerpt(high.text)})`,
    );
  }
  const dim = low.dim;
  const label = low.label !== "" ? low.label : (ctx.expect?.label ?? "");
  let lowValue = lowNum * low.factor;
  let highValue = highNum * high.factor;
  if (!Number.isFinite(lowValue) || !Number.isFinite(highValue)) {
    return unreadable(src, ctx, "the number is too large to work with");
  }
  if (ctx.expect !== null && !sameDimension(dim, ctx.expect.dim)) {
    const shown = attachUnit(formatRead(lowNum), excerpt(low.text));
    const read = second === null ? shown : `${shown} to ${attachUnit(formatRead(highNum), excerpt(high.text))}`;
    const expected = ctx.expect.text === "" ? "a plain number" : describeDimension(ctx.expect.dim).phrase;
    return {
      kind: "wrong-dimension",
      message: bounded(`Read ${read} (${describeDimension(dim).noun}); this step asks for ${expected}.`, ""),
    };
  }
  const shownIn = ctx.expect ?? low;
  const note = first.note === null && (second === null || second.note === null) ? "" : notes(first, second);
  if (second === null) {
    const quantity = makeQuantity(lowValue, dim, label);
    const read = `read as ${attachUnit(formatRead(lowValue / shownIn.factor), shownIn.text)}${note}`;
    return { kind: "ok", quantity, read };
  }
  if (lowValue > highValue) [lowValue, highValue] = [highValue, lowValue];
  const lowText = formatRead(lowValue / shownIn.factor);
  const highText = formatRead(highValue / shownIn.factor);
  const read = shownIn.text.startsWith("$")
    ? `${attachUnit(lowText, shownIn.text)} to ${attachUnit(highText, shownIn.text)}`
    : attachUnit(`${lowText} to ${highText}`, shownIn.text);
  return { kind: "ok", quantity: makeRange(lowValue, highValue, dim, label), read: `read as ${read}${note}` };
}

/** " (M as in MB, not million)": which reading the ends of an answer took, where one had a choice. */
function notes(first: Single, second: Single | null): string {
  const a = first.note;
  const b = second === null ? null : second.note;
  if (a === null) return b === null ? "" : ` (${b})`;
  return b === null || b === a ? ` (${a})` : ` (${a}; ${b})`;
}
