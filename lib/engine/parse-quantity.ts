import { describeDimension, dimensionOf, isDimensionless, MONEY, sameDimension } from "./dimension.ts";
import { attachUnit } from "./format-quantity.ts";
import { formatRead } from "./number-format.ts";
import { makeQuantity, makeRange, type Quantity } from "./quantity.ts";
import { CHAR, digitAt, isDigit, isWordChar, readSuperscript, skipSpaces, wordEnd } from "./reader/scanner.ts";
import { letterMagnitude, magnitudeOf } from "./units/magnitudes.ts";
import { parseUnit } from "./units/parse-unit.ts";
import { ANSWER_UNITS, ANSWER_UNITS_OF_TIME, readUnit } from "./units/read-unit.ts";
import { PLAIN_UNIT, type Unit } from "./units/unit.ts";
import { lookupUnit } from "./units/unit-table.ts";

/** What {@link parseQuantity} returns: the quantity and how it was read, or why it could not be read. */
export type ParseResult =
  | { ok: true; quantity: Quantity; read: string }
  | { ok: false; error: string; reason: "unreadable" | "wrong-dimension" };

/** The engine's own reading of an answer, used by grading (which needs the wrong-dimension quantity too). */
export type AnswerReading =
  | { kind: "ok"; quantity: Quantity; read: string }
  | { kind: "unreadable"; message: string }
  | { kind: "wrong-dimension"; message: string };

/** The context an answer is read in: the unit the question asks for, and what it makes of `B`, `b` and `m`. */
type Context = {
  readonly expect: Unit | null;
  /** `B` is bytes and `b` bits when data is expected; both are billion otherwise. */
  readonly data: boolean;
  /** A lone `m` is minutes when a time is expected; million otherwise. */
  readonly minutes: boolean;
};

/** One number with its magnitudes and unit, as scanned from part of an answer. */
type Single = {
  num: number;
  magnitude: number;
  unit: Unit | null;
  end: number;
  error: string | null;
};

const APPROXIMATE_WORDS = new Set(["about", "approx", "approximately", "around", "roughly", "circa", "ca", "nearly"]);

function failed(end: number, error: string): Single {
  return { num: Number.NaN, magnitude: 1, unit: null, end, error };
}

/** Skips "~", "≈", "about", "approx." and friends. */
function skipApproximate(src: string, start: number): number {
  let i = skipSpaces(src, start);
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === CHAR.tilde || c === CHAR.almostEqual || c === CHAR.asymptoticallyEqual || c === CHAR.tildeOperator) {
      i = src.charCodeAt(i + 1) === CHAR.equals ? i + 2 : i + 1;
      i = skipSpaces(src, i);
      continue;
    }
    if (isWordChar(c)) {
      const end = wordEnd(src, i);
      if (end - i <= 13 && APPROXIMATE_WORDS.has(src.slice(i, end).toLowerCase())) {
        i = src.charCodeAt(end) === CHAR.dot ? end + 1 : end;
        i = skipSpaces(src, i);
        continue;
      }
    }
    return i;
  }
}

type Mantissa = { value: number; start: number; end: number; commas: boolean; error: string | null };

const NO_MANTISSA: Mantissa = { value: Number.NaN, start: 0, end: -1, commas: false, error: null };

function mantissaError(start: number, end: number, error: string): Mantissa {
  return { value: Number.NaN, start, end, commas: false, error };
}

/** The mantissa as written, without thousands commas. */
function mantissaText(src: string, m: Mantissa): string {
  const raw = src.slice(m.start, m.end);
  return m.commas ? raw.replaceAll(",", "") : raw;
}

// Exact powers of ten: an integer below 2^53 times or over one of these is correctly rounded (Clinger's fast
// path), so most numbers are read without building a string for Number().
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** Digits with optional thousands commas, a decimal part and an e-exponent: 46,296 · 4.6 · .5 · 4.6e4 · 4.6E-4. */
function scanMantissa(src: string, start: number): Mantissa {
  let j = start;
  let digits = false;
  let commas = false;
  let mantissa = 0;
  let exponent = 0;
  for (;;) {
    const c = src.charCodeAt(j);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - CHAR.digitZero);
      j++;
      digits = true;
      continue;
    }
    if (c === CHAR.comma && digits && isDigit(src.charCodeAt(j + 1))) {
      if (isDigit(src.charCodeAt(j + 2)) && isDigit(src.charCodeAt(j + 3)) && !isDigit(src.charCodeAt(j + 4))) {
        commas = true;
        mantissa = mantissa * 1000 + digitAt(src, j + 1) * 100 + digitAt(src, j + 2) * 10 + digitAt(src, j + 3);
        j += 4;
        continue;
      }
      let k = j + 1;
      while (isDigit(src.charCodeAt(k))) k++;
      return mantissaError(
        start,
        k,
        `commas separate thousands (46,296); write a decimal with a point (4.6), not “${src.slice(start, k)}”`,
      );
    }
    break;
  }
  if (src.charCodeAt(j) === CHAR.dot && isDigit(src.charCodeAt(j + 1))) {
    j++;
    for (;;) {
      const c = src.charCodeAt(j);
      if (!isDigit(c)) break;
      mantissa = mantissa * 10 + (c - CHAR.digitZero);
      exponent--;
      j++;
    }
    digits = true;
  }
  if (!digits) return NO_MANTISSA;
  const e = src.charCodeAt(j);
  if (e === CHAR.lowerE || e === CHAR.upperE) {
    let k = j + 1;
    const sign = src.charCodeAt(k);
    if (sign === CHAR.plus || sign === CHAR.hyphen) k++;
    if (isDigit(src.charCodeAt(k))) {
      let written = 0;
      while (isDigit(src.charCodeAt(k))) {
        if (written < 10_000) written = written * 10 + digitAt(src, k);
        k++;
      }
      exponent += sign === CHAR.hyphen ? -written : written;
      j = k;
    }
  }
  const m: Mantissa = { value: 0, start, end: j, commas, error: null };
  if (mantissa <= Number.MAX_SAFE_INTEGER && exponent >= -22 && exponent <= 22) {
    m.value = exponent < 0 ? mantissa / (POWERS_OF_TEN[-exponent] ?? 1) : mantissa * (POWERS_OF_TEN[exponent] ?? 1);
  } else {
    m.value = Number(mantissaText(src, m));
  }
  return m;
}

/** A signed mantissa (exponents may be negative: 10^-3, 2^−1). */
function scanSignedMantissa(src: string, start: number): Mantissa {
  const c = src.charCodeAt(start);
  if (c === CHAR.hyphen || c === CHAR.minus || c === CHAR.plus) {
    const m = scanMantissa(src, start + 1);
    if (m.end >= 0 && m.error === null && c !== CHAR.plus) m.value = -m.value;
    return m;
  }
  return scanMantissa(src, start);
}

/** mantissa × 10^exponent, exact for integer exponents (4.6 × 10^4 is 46000, not 45999.99…). */
function timesPowerOfTen(src: string, mantissa: Mantissa, exponent: number): number {
  const text = mantissaText(src, mantissa);
  if (Number.isInteger(exponent) && !text.includes("e") && !text.includes("E")) return Number(`${text}e${exponent}`);
  return mantissa.value * 10 ** exponent;
}

function power(src: string, base: Mantissa, exponent: number): number {
  if (base.value === 10 && Number.isInteger(exponent) && mantissaText(src, base) === "10") return Number(`1e${exponent}`);
  return base.value ** exponent;
}

/**
 * A number in any whiteboard form: 46296, 46,296, 4.6e4, 4.6×10^4, 4.6x10^4, 4.6*10^4, 10^5, 2^21, 10⁴, 1/3, 7.5:1.
 */
function scanNumber(src: string, start: number): Mantissa {
  const m = scanMantissa(src, start);
  if (m.end < 0 || m.error !== null) return m;
  let value = m.value;
  let end = m.end;
  const k = skipSpaces(src, end);
  const c = src.charCodeAt(k);
  const superscript = readSuperscript(src, end);
  if (c === CHAR.caret) {
    const exponent = scanSignedMantissa(src, skipSpaces(src, k + 1));
    if (exponent.error !== null) return exponent;
    if (exponent.end < 0) return mantissaError(start, k + 1, `expected an exponent after “${src.slice(start, k + 1)}”`);
    value = power(src, m, exponent.value);
    end = exponent.end;
  } else if (superscript !== null) {
    value = power(src, m, superscript.value);
    end = superscript.end;
  } else if (c === CHAR.times || c === CHAR.lowerX || c === CHAR.upperX || c === CHAR.asterisk || c === CHAR.middleDot) {
    // × x X * · followed by 10^n: scientific notation. Anything else is left for the unit ("3x" is a factor).
    const ten = skipSpaces(src, k + 1);
    if (src.startsWith("10", ten) && !isDigit(src.charCodeAt(ten + 2))) {
      const after = skipSpaces(src, ten + 2);
      if (src.charCodeAt(after) === CHAR.caret) {
        const exponent = scanSignedMantissa(src, skipSpaces(src, after + 1));
        if (exponent.error !== null) return exponent;
        if (exponent.end >= 0) {
          value = timesPowerOfTen(src, m, exponent.value);
          end = exponent.end;
        }
      } else {
        const sup = readSuperscript(src, ten + 2);
        if (sup !== null) {
          value = timesPowerOfTen(src, m, sup.value);
          end = sup.end;
        }
      }
    }
  }
  const f = skipSpaces(src, end);
  const slash = src.charCodeAt(f);
  if (slash === CHAR.slash || slash === CHAR.colon) {
    const d = skipSpaces(src, f + 1);
    const next = src.charCodeAt(d);
    if (isDigit(next) || (next === CHAR.dot && isDigit(src.charCodeAt(d + 1)))) {
      const denominator = scanMantissa(src, d);
      if (denominator.error !== null) return denominator;
      if (denominator.value === 0) {
        return mantissaError(start, denominator.end, `“${src.slice(start, denominator.end)}” divides by zero`);
      }
      value /= denominator.value;
      end = denominator.end;
    }
  }
  if (end === m.end) return m;
  m.value = value;
  m.end = end;
  return m;
}

/** Magnitude words after a number: k K M bn T thousand million billion trillion, and B, b or m by context. */
function scanMagnitudes(src: string, single: Single, ctx: Context): void {
  for (;;) {
    const k = skipSpaces(src, single.end);
    let end = wordEnd(src, k);
    if (end === k || !isWordChar(src.charCodeAt(k))) return;
    if (end === k + 1) {
      // One letter: k K M T are magnitudes, B b m depend on context, anything else (s, h, d) is a unit.
      const factor = letterMagnitude(src.charCodeAt(k), ctx);
      if (factor === 0) return;
      single.magnitude *= factor;
      single.num *= factor;
      single.end = end;
      continue;
    }
    const word = src.slice(k, end);
    let factor = magnitudeOf(word);
    if (factor === 0) {
      if (lookupUnit(word) !== undefined || lookupUnit(word.slice(1)) === undefined) return;
      // "12kQPS", "3Mreq": a magnitude letter glued to a unit.
      factor = letterMagnitude(word.charCodeAt(0), ctx);
      if (factor === 0) return;
      end = k + 1;
    }
    single.magnitude *= factor;
    single.num *= factor;
    single.end = end;
  }
}

const DOLLARS: Unit = { factor: 1, dim: MONEY, label: "", text: "$", compactText: "$" };

/** The unit with a `$` written before the number: "$4.6M/month" is in $/month. */
function withMoney(unit: Unit | null): Unit {
  if (unit === null) return DOLLARS;
  const { dim } = unit;
  return {
    factor: unit.factor,
    dim: dimensionOf(dim.data, dim.time, dim.money + 1),
    label: unit.label,
    text: unit.text.startsWith("/") ? `$${unit.text}` : `$·${unit.text}`,
    compactText: unit.compactText.startsWith("/") || unit.compactText === "" ? `$${unit.compactText}` : `$·${unit.compactText}`,
  };
}

/** One number with its sign, currency, magnitudes and unit: "~$4.6M/month", "46 thousand requests per second". */
function scanSingle(src: string, start: number, ctx: Context): Single {
  let i = skipApproximate(src, start);
  let sign = 1;
  const c = src.charCodeAt(i);
  if (c === CHAR.hyphen || c === CHAR.minus) {
    sign = -1;
    i = skipSpaces(src, i + 1);
  } else if (c === CHAR.plus) {
    i = skipSpaces(src, i + 1);
  }
  let money = false;
  if (src.charCodeAt(i) === CHAR.dollar) {
    money = true;
    i = skipSpaces(src, i + 1);
  }
  const number = scanNumber(src, i);
  if (number.error !== null) return failed(number.end, number.error);
  if (number.end < 0) {
    const rest = src.slice(i, wordEnd(src, i) > i ? wordEnd(src, i) : i + 1);
    return failed(i, rest === "" ? "expected a number" : `expected a number where it says “${rest}”`);
  }
  const single: Single = { num: sign * number.value, magnitude: 1, unit: null, end: number.end, error: null };
  scanMagnitudes(src, single, ctx);
  const read = readUnit(src, single.end, ctx.minutes ? ANSWER_UNITS_OF_TIME : ANSWER_UNITS);
  if (read.error !== null) return failed(read.end, read.error);
  if (read.unit !== null) {
    single.unit = read.unit;
    single.end = read.end;
  }
  if (money) single.unit = withMoney(single.unit);
  return single;
}

/** The length of a range separator at i (-, –, —, −, to, .., …), or 0. */
function rangeSeparator(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === CHAR.hyphen || c === CHAR.enDash || c === CHAR.emDash || c === CHAR.minus || c === CHAR.ellipsis) return 1;
  if (c === CHAR.dot && src.charCodeAt(i + 1) === CHAR.dot) return 2;
  const o = src.charCodeAt(i + 1);
  if ((c === CHAR.lowerT || c === CHAR.upperT) && (o === CHAR.lowerO || o === CHAR.upperO)) {
    return isWordChar(src.charCodeAt(i + 2)) ? 0 : 2;
  }
  return 0;
}

function snippet(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

function expectation(ctx: Context): string {
  const expect = ctx.expect;
  if (expect === null) return "";
  if (expect.text === "") return " This step asks for a plain number.";
  return ` This step asks for ${describeDimension(expect.dim).phrase}, in ${expect.text}.`;
}

function unreadable(src: string, ctx: Context, why: string): AnswerReading {
  return { kind: "unreadable", message: `Could not read “${snippet(src)}”: ${why}.${expectation(ctx)}` };
}

/** The unit an end of the answer is in: as written, or, for a bare number, the unit the question asks for. */
function resolveUnit(unit: Unit | null, ctx: Context): Unit {
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

function contextFor(expect: Unit | null): Context {
  if (expect === null) return { expect, data: false, minutes: false };
  return { expect, data: expect.dim.data !== 0, minutes: expect.dim.time > 0 };
}

const contextCache = new WeakMap<Unit, Context>();
const NO_EXPECTATION = contextFor(null);

/**
 * Reads a learner's answer in the unit a question asks for (`expect`), or as written when there is none.
 * Never throws: anything it cannot read comes back as `unreadable`, a dimension other than `expect`'s as
 * `wrong-dimension`, each with a message that says what was read and what was expected.
 */
export function readAnswer(src: string, expect: Unit | null): AnswerReading {
  let ctx = NO_EXPECTATION;
  if (expect !== null) {
    const cached = contextCache.get(expect);
    if (cached === undefined) {
      ctx = contextFor(expect);
      contextCache.set(expect, ctx);
    } else {
      ctx = cached;
    }
  }
  const first = scanSingle(src, 0, ctx);
  if (first.error !== null) {
    if (skipSpaces(src, 0) === src.length) return { kind: "unreadable", message: "No answer given." };
    return unreadable(src, ctx, first.error);
  }
  let second: Single | null = null;
  let end = skipSpaces(src, first.end);
  const separator = rangeSeparator(src, end);
  if (separator > 0) {
    second = scanSingle(src, end + separator, ctx);
    if (second.error !== null) return unreadable(src, ctx, second.error);
    end = skipSpaces(src, second.end);
  }
  if (src.charCodeAt(end) === CHAR.dot) end = skipSpaces(src, end + 1);
  if (end < src.length) {
    const read = src.slice(0, end).trim();
    return unreadable(src, ctx, `read “${snippet(read)}”, then could not read “${snippet(src.slice(end))}”`);
  }

  let lowNum = first.num;
  const highNum = second === null ? first.num : second.num;
  let lowUnit = first.unit;
  let highUnit = second === null ? first.unit : second.unit;
  if (second !== null) {
    // "30-80k" is 30k to 80k, and "30k-80k requests/s" has its unit on the second end only.
    // ("500-5k" stays 500 to 5,000: the suffix carries over only when the low end stays below the high end.)
    if (first.unit === null && first.magnitude === 1 && second.magnitude !== 1 && lowNum * second.magnitude <= highNum) {
      lowNum *= second.magnitude;
    }
    if (lowUnit === null) lowUnit = highUnit;
    if (highUnit === null) highUnit = lowUnit;
  }
  const low = resolveUnit(lowUnit, ctx);
  const high = second === null ? low : resolveUnit(highUnit, ctx);
  if (!sameDimension(low.dim, high.dim)) {
    return unreadable(src, ctx, `the two ends of the range are in different kinds of unit (${low.text} and ${high.text})`);
  }
  const dim = low.dim;
  const label = low.label !== "" ? low.label : (ctx.expect?.label ?? "");
  let lowValue = lowNum * low.factor;
  let highValue = highNum * high.factor;
  if (!Number.isFinite(lowValue) || !Number.isFinite(highValue)) {
    return unreadable(src, ctx, "the number is too large to work with");
  }
  if (ctx.expect !== null && !sameDimension(dim, ctx.expect.dim)) {
    const shown = attachUnit(formatRead(lowNum), low.text);
    const read = second === null ? shown : `${shown} to ${attachUnit(formatRead(highNum), high.text)}`;
    const expected = ctx.expect.text === "" ? "a plain number" : describeDimension(ctx.expect.dim).phrase;
    return {
      kind: "wrong-dimension",
      message: `Read ${read} (${describeDimension(dim).noun}); this step asks for ${expected}.`,
    };
  }
  const shownIn = ctx.expect ?? low;
  if (second === null) {
    const quantity = makeQuantity(lowValue, dim, label);
    return { kind: "ok", quantity, read: `read as ${attachUnit(formatRead(lowValue / shownIn.factor), shownIn.text)}` };
  }
  if (lowValue > highValue) [lowValue, highValue] = [highValue, lowValue];
  const lowText = formatRead(lowValue / shownIn.factor);
  const highText = formatRead(highValue / shownIn.factor);
  const read = shownIn.text.startsWith("$")
    ? `${attachUnit(lowText, shownIn.text)} to ${attachUnit(highText, shownIn.text)}`
    : attachUnit(`${lowText} to ${highText}`, shownIn.text);
  return { kind: "ok", quantity: makeRange(lowValue, highValue, dim, label), read: `read as ${read}` };
}

/**
 * Reads what a learner or an author typed: every whiteboard number form (46296, 46,296, 4.6e4, 4.6×10^4, 10^5,
 * 2^21, 46k, 4.6M, 3bn, 1.2T, 46 thousand, ~46k, about 46k, 99.9%, 1/3), with a unit (3 TB/day, 1.4 Gbps, 12k QPS,
 * $500/month, 43 minutes) or as a range (30k-80k, 30k to 80k, 30k–80k).
 *
 * `expect` is a unit expression stating what the question asks for. It decides whether `B` means bytes (data
 * expected) or billion (anything else), and a bare number is read in that unit. An answer of another dimension is
 * `{ ok: false, reason: "wrong-dimension" }` with a message naming both dimensions. Never throws on the answer.
 * @throws EngineError only when `expect` itself is not a unit expression (an author mistake).
 * @example parseQuantity("3B", { expect: "requests/day" }) // { ok: true, read: "read as 3,000,000,000 requests/day", … }
 * @example parseQuantity("3 TB", { expect: "ms" }) // { ok: false, error: "Read 3 TB (data); this step asks for a time.", … }
 */
export function parseQuantity(text: string, options: { expect?: string } = {}): ParseResult {
  const expect = options.expect === undefined ? null : parseUnit(options.expect);
  const reading = readAnswer(text, expect);
  if (reading.kind === "ok") return { ok: true, quantity: reading.quantity, read: reading.read };
  return { ok: false, error: reading.message, reason: reading.kind };
}
