import { dimensionOf, MONEY } from "../dimension.ts";
import { readNumber } from "../reader/read-number.ts";
import { CHAR, charLength, isWordChar, skipSpaces, wordEnd } from "../reader/scanner.ts";
import { letterMagnitude, magnitudeOf } from "../units/magnitudes.ts";
import { ANSWER_UNITS, ANSWER_UNITS_OF_TIME, readUnit } from "../units/read-unit.ts";
import type { Unit } from "../units/unit.ts";
import { lookupUnit } from "../units/unit-table.ts";

/** The context an answer is read in: the unit the question asks for, and what it makes of `B`, `b` and `m`. */
export type AnswerContext = {
  readonly expect: Unit | null;
  /** `B` is bytes and `b` bits when data is expected; both are billion otherwise. */
  readonly data: boolean;
  /** A lone `m` is minutes when a time is expected; million otherwise. */
  readonly minutes: boolean;
};

/** One number with its magnitudes and unit, as read from part of an answer (`num` already times the magnitudes). */
export type Single = {
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

/** Magnitude words after a number: k K M bn T thousand million billion trillion, and B, b or m by context. */
function scanMagnitudes(src: string, single: Single, ctx: AnswerContext): void {
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
    compactText:
      unit.compactText.startsWith("/") || unit.compactText === "" ? `$${unit.compactText}` : `$·${unit.compactText}`,
  };
}

/**
 * One number with its sign, currency, magnitudes and unit: "~$4.6M/month", "46 thousand requests per second"; one
 * end of a range. `error` says what could not be read, and `end` where.
 * @example readSingle("46k QPS", 0, context).num // 46000 (the unit, QPS, is in `unit`)
 */
export function readSingle(src: string, start: number, ctx: AnswerContext): Single {
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
  const number = readNumber(src, i);
  if (number.error !== null) return failed(number.end, number.error);
  if (number.end < 0) {
    // One whole character where no word starts: an emoji is two UTF-16 code units, and half of one prints as "�".
    const rest = src.slice(i, wordEnd(src, i) > i ? wordEnd(src, i) : i + charLength(src, i));
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

/**
 * The length of a range separator at i (-, –, —, −, to, .., …), or 0. "to" must end its word ("tons" is no range).
 * @example rangeSeparator("30k to 80k", 4) // 2
 */
export function rangeSeparator(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === CHAR.hyphen || c === CHAR.enDash || c === CHAR.emDash || c === CHAR.minus || c === CHAR.ellipsis) return 1;
  if (c === CHAR.dot && src.charCodeAt(i + 1) === CHAR.dot) return 2;
  const o = src.charCodeAt(i + 1);
  if ((c === CHAR.lowerT || c === CHAR.upperT) && (o === CHAR.lowerO || o === CHAR.upperO)) {
    return isWordChar(src.charCodeAt(i + 2)) ? 0 : 2;
  }
  return 0;
}
