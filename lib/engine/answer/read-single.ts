import { DATA, dimensionOf, MONEY, sameDimension, TIME } from "../dimension.ts";
import { readClock } from "../reader/read-clock.ts";
import { readNumber } from "../reader/read-number.ts";
import { CHAR, charLength, excerpt, isDigit, isWordChar, skipSpaces, wordEnd } from "../reader/scanner.ts";
import { letterMagnitude, magnitudeOf } from "../units/magnitudes.ts";
import { ANSWER_UNITS, ANSWER_UNITS_OF_TIME, readUnit } from "../units/read-unit.ts";
import type { Unit } from "../units/unit.ts";
import { lookupUnit } from "../units/unit-table.ts";
import { type AnswerContext, type ClockReading, clockReadingFor, type SizeLetter } from "./answer-context.ts";

/** One number with its magnitudes and unit, as read from part of an answer (`num` already times the magnitudes). */
export type Single = {
  num: number;
  magnitude: number;
  unit: Unit | null;
  end: number;
  error: string | null;
  /** Which of two readings was taken, for the echo: "M as in MB, not million", "1:30 as 1 min 30 s". */
  note: string | null;
};

const APPROXIMATE_WORDS = new Set(["about", "approx", "approximately", "around", "roughly", "circa", "ca", "nearly"]);

function failed(end: number, error: string): Single {
  return { num: Number.NaN, magnitude: 1, unit: null, end, error, note: null };
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
      // On a step asked in data the first letter may be a size ("500M" is 500 MB on a GB step).
      if (ctx.sizes !== null && single.magnitude === 1) {
        const size = ctx.sizes[src.charCodeAt(k)];
        if (size !== undefined && readSizeLetter(src, single, k, size)) return;
      }
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
 *
 * The plain reading comes first; the others only where it cannot apply: a clock time ("1:30") on a step asked in a
 * time, a size letter ("500M", as `du -h` writes it) on a step asked in data, and "half a million" where no digit is.
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
  // On a step asked in a time a colon never makes a ratio: "1:30" is a clock time or nothing.
  const number = readNumber(src, i, ctx.clock === null);
  if (number.error !== null) return failed(number.end, number.error);
  if (number.end < 0) return readInWords(src, i, sign, money, ctx);
  if (ctx.clock !== null && src.charCodeAt(number.end) === CHAR.colon) return readClockTime(src, i, sign, ctx.clock);
  const single: Single = {
    num: sign * number.value,
    magnitude: 1,
    unit: null,
    end: number.end,
    error: null,
    note: null,
  };
  scanMagnitudes(src, single, ctx);
  // A size letter ("500M") has given the unit already; otherwise it is read after the magnitudes.
  if (single.unit === null) {
    const read = readUnit(src, single.end, ctx.minutes ? ANSWER_UNITS_OF_TIME : ANSWER_UNITS);
    if (read.error !== null) return failed(read.end, read.error);
    if (read.unit !== null) {
      single.unit = read.unit;
      single.end = read.end;
    }
  }
  if (money) single.unit = withMoney(single.unit);
  return single;
}

/**
 * "half a million", "a million users", "an hour": a number in words, which must have a magnitude or a unit after
 * it. Tried only where no digit is; anything else is "expected a number".
 */
function readInWords(src: string, i: number, sign: number, money: boolean, ctx: AnswerContext): Single {
  const words = readNumberWords(src, i);
  if (words.end >= 0) {
    const single: Single = {
      num: sign * words.value,
      magnitude: 1,
      unit: null,
      end: words.end,
      error: null,
      note: null,
    };
    scanMagnitudes(src, single, ctx);
    const read = readUnit(src, single.end, ctx.minutes ? ANSWER_UNITS_OF_TIME : ANSWER_UNITS);
    if (read.error === null && (read.unit !== null || single.magnitude !== 1)) {
      if (read.unit !== null) {
        single.unit = read.unit;
        single.end = read.end;
      }
      if (money) single.unit = withMoney(single.unit);
      return single;
    }
  }
  // One whole character where no word starts: an emoji is two UTF-16 code units, and half of one prints as "�".
  const rest = src.slice(i, wordEnd(src, i) > i ? wordEnd(src, i) : i + charLength(src, i));
  return failed(i, rest === "" ? "expected a number" : `expected a number where it says “${excerpt(rest)}”`);
}

// Numbers in words that come before a magnitude or a unit: "half a million", "a million", "an hour".
const NUMBER_WORDS = new Map<string, number>([
  ["a", 1],
  ["an", 1],
  ["one", 1],
  ["half", 0.5],
]);

const NO_WORDS = Object.freeze({ value: Number.NaN, end: -1 });
// ASCII letters differ from their capitals by this bit only: "A" | 0x20 is "a".
const CASE_BIT = 0x20;

/** "half a", "a", "an", "one" at i: the value and where the words end, or `end: -1`. */
function readNumberWords(src: string, i: number): { value: number; end: number } {
  // Every word starts with a, o or h (and "half" is the longest): most garbage is turned away by its first letter.
  const c = src.charCodeAt(i) | CASE_BIT;
  if (c !== CHAR.lowerA && c !== CHAR.lowerO && c !== CHAR.lowerH) return NO_WORDS;
  const first = wordEnd(src, i);
  if (first - i > 4) return NO_WORDS;
  const value = NUMBER_WORDS.get(src.slice(i, first).toLowerCase());
  if (value === undefined) return NO_WORDS;
  if (value === 0.5) {
    // "half a million": the article belongs to the half.
    const k = skipSpaces(src, first);
    const second = wordEnd(src, k);
    const article = src.slice(k, second).toLowerCase();
    if (k > first && (article === "a" || article === "an")) return { value, end: second };
  }
  return { value, end: first };
}

/**
 * "500M" on a step asked in GB, "1.2T" on one in TB: a size letter alone after the number (at k) is a prefix of the
 * data unit asked (500 MB), not a count magnitude (500 million GB), the way `du -h` and `-Xmx` write sizes. A time
 * may follow ("3T/day" on a TB/day step). True when the letter was read so; `single` then has its unit and note.
 */
function readSizeLetter(src: string, single: Single, k: number, size: SizeLetter): boolean {
  const rest = readUnit(src, k + 1, ANSWER_UNITS);
  if (rest.error !== null) return false;
  if (rest.unit === null) {
    single.unit = size.unit;
    single.end = k + 1;
  } else {
    const per = rest.unit;
    const word = lookupUnit(size.word);
    if (word === undefined || word.dim !== DATA || per.dim.data !== 0 || per.dim.money !== 0 || per.dim.time >= 0) {
      return false;
    }
    const text = `${size.word}${per.text}`;
    single.unit = {
      factor: word.factor * per.factor,
      dim: dimensionOf(1, per.dim.time, 0),
      label: "",
      text,
      compactText: text,
    };
    single.end = rest.end;
  }
  const written = src.charAt(k);
  single.note =
    size.count === "" ? `${written} as in ${size.word}` : `${written} as in ${size.word}, not ${size.count}`;
  return true;
}

const SECOND: Unit = lookupUnit("s") ?? { factor: 1, dim: TIME, label: "", text: "s", compactText: "s" };
const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 3600;

/**
 * A clock time on a step asked in a time: "1:30" is 1 min 30 s on a step in seconds or minutes and 1 h 30 min on
 * one in hours or days (`reading`), or by a time unit written after it ("1:30 h"); "1:30:00" is always h:mm:ss.
 * Anything else with a colon is an error here, never the ratio 1/30.
 */
function readClockTime(src: string, start: number, sign: number, reading: ClockReading): Single {
  const clock = readClock(src, start);
  if (clock === null) {
    let end = start;
    for (;;) {
      const c = src.charCodeAt(end);
      if (!(isDigit(c) || c === CHAR.colon || c === CHAR.dot)) break;
      end++;
    }
    const example = reading === "h:mm" ? "1:30 for 1 h 30 min" : "1:30 for 1 min 30 s";
    return failed(
      start,
      `“${excerpt(src.slice(start, end))}” is not a clock time; write ${example}, or 1:30:00 for h:mm:ss`,
    );
  }
  let end = clock.end;
  let scale = reading;
  const after = readUnit(src, clock.end, ANSWER_UNITS_OF_TIME);
  if (after.error === null && after.unit !== null && sameDimension(after.unit.dim, TIME)) {
    scale = clockReadingFor(after.unit);
    end = after.end;
  }
  const [first = 0, second = 0, third] = clock.fields;
  const written = src.slice(start, clock.end);
  let seconds: number;
  let parts: string;
  if (third !== undefined) {
    seconds = first * HOUR_SECONDS + second * MINUTE_SECONDS + third;
    parts = `${first} h ${second} min ${third} s`;
  } else if (scale === "h:mm") {
    seconds = first * HOUR_SECONDS + second * MINUTE_SECONDS;
    parts = `${first} h ${second} min`;
  } else {
    seconds = first * MINUTE_SECONDS + second;
    parts = `${first} min ${second} s`;
  }
  return { num: sign * seconds, magnitude: 1, unit: SECOND, end, error: null, note: `${written} as ${parts}` };
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
