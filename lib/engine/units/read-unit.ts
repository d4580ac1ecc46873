import { dimensionOf, MONEY, TIME } from "../dimension.ts";
import { readNumber } from "../reader/read-number.ts";
import {
  CHAR,
  digitAt,
  excerpt,
  isDigit,
  isNameStart,
  isWordChar,
  nameEnd,
  readSuperscript,
  skipSpaces,
  wordEnd,
} from "../reader/scanner.ts";
import type { Unit } from "./unit.ts";
import { lookupUnit, MINUTE } from "./unit-table.ts";

/** How much of the unit language a reading accepts: see {@link readUnit}. */
export type UnitGrammar = {
  /** Formulas: names are words, only `/` (or `÷`) continues a unit, and errors just end the unit. */
  readonly formula: boolean;
  /** A lone `m` is minutes (a time is expected); otherwise `m` is not a unit. */
  readonly minutes: boolean;
};

/** Units in an answer or a unit expression written by an author. */
export const ANSWER_UNITS: UnitGrammar = Object.freeze({ formula: false, minutes: false });
/** Units in an answer to a question that asks for a time: a lone `m` is minutes. */
export const ANSWER_UNITS_OF_TIME: UnitGrammar = Object.freeze({ formula: false, minutes: true });
/** Units after a number or an expression in a formula. */
export const FORMULA_UNITS: UnitGrammar = Object.freeze({ formula: true, minutes: false });

/** What {@link readUnit} found: the unit (null when there was none), where it ends, and why it could not be read. */
export type UnitRead = { readonly unit: Unit | null; readonly end: number; readonly error: string | null };

/** A unit being put together word by word; {@link UnitBuilder.build} gives the {@link Unit}. */
class UnitBuilder {
  factor = 1;
  data = 0;
  time = 0;
  money: number;
  label = "";
  text = "";
  compactText = "";
  parts = 0;
  /** The one word read so far when it is the whole unit as the table has it ("ms", "QPS"): built as is. */
  private only: Unit | null = null;
  // Formulas have always divided by a unit after `/`, answers multiplied by its power; the two round differently in
  // the last bit, and every reading stays bit for bit what it was.
  private readonly divides: boolean;

  constructor(money: number, divides: boolean) {
    this.money = money;
    this.divides = divides;
  }

  /** Multiplies by `unit` raised to `sign × power`; a label counts only above the line (requests per user counts requests). */
  add(unit: Unit, sign: number, power: number): void {
    const exponent = sign * power;
    this.only = this.parts === 0 && this.money === 0 && sign === 1 && power === 1 ? unit : null;
    if (exponent === 1) this.factor *= unit.factor;
    else if (exponent === -1 && this.divides) this.factor /= unit.factor;
    else this.factor *= unit.factor ** exponent;
    this.data += unit.dim.data * exponent;
    this.time += unit.dim.time * exponent;
    this.money += unit.dim.money * exponent;
    if (exponent > 0 && this.label === "" && unit.label !== "") this.label = unit.label;
    const shown = power === 1 ? unit.text : `${unit.text}^${power}`;
    const compact = power === 1 ? unit.compactText : unit.compactText === "" ? "" : `${unit.compactText}^${power}`;
    if (sign < 0) {
      this.text += `/${shown}`;
      if (compact !== "") this.compactText += `/${compact}`;
    } else {
      this.text += this.parts === 0 ? shown : `·${shown}`;
      if (compact !== "") {
        this.compactText +=
          this.compactText === "" || this.compactText === "$" || compact.startsWith("/") ? compact : `·${compact}`;
      }
    }
    this.parts++;
  }

  build(): Unit {
    // Most answers have one unit word: the table's own unit is what the builder would make, without the copy.
    if (this.parts === 1 && this.only !== null) return this.only;
    const { factor, label, text, compactText } = this;
    return { factor, dim: dimensionOf(this.data, this.time, this.money), label, text, compactText };
  }
}

const DOLLAR: Unit = lookupUnit("$") ?? { factor: 1, dim: MONEY, label: "", text: "$", compactText: "$" };
const SECOND: Unit = lookupUnit("s") ?? { factor: 1, dim: TIME, label: "", text: "s", compactText: "s" };

function timeUnit(word: string): Unit {
  return lookupUnit(word) ?? { factor: Number.NaN, dim: TIME, label: "", text: word, compactText: word };
}

// "sustained" and "annually": no longer word is looked up in either list below.
const LONGEST_WORD = 9;

/** Words for "per" a time, after a quantity: "3 TB daily" is 3 TB/day. Matched whatever their case. */
const PER_WORDS = new Map<string, Unit>([
  ["hourly", timeUnit("hour")],
  ["daily", timeUnit("day")],
  ["nightly", timeUnit("day")],
  ["weekly", timeUnit("week")],
  ["monthly", timeUnit("month")],
  ["yearly", timeUnit("year")],
  ["annually", timeUnit("year")],
]);

/** Words that may follow an answer and change nothing: "12k QPS peak", "150 ms average". */
const QUALIFIERS = new Set(["peak", "avg", "average", "mean", "median", "max", "maximum", "sustained", "typical"]);

/**
 * A word an answer may end with that says which figure it is, not what it is in: peak, avg, average, mean and a few
 * more, in any case. The unit stops before one, and the answer reader skips it.
 * @example isQualifier("Peak") // true
 */
export function isQualifier(word: string): boolean {
  return word.length <= LONGEST_WORD && QUALIFIERS.has(word.toLowerCase());
}

function startsNumber(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  return isDigit(c) || (c === CHAR.dot && isDigit(src.charCodeAt(i + 1)));
}

/**
 * "/24h", "per 24 hours": the number and the unit after a `/` or `per`, as one unit worth both ("24 h", 86,400 s).
 * A number with no unit after it ends the unit ("/2" is left unread); a word that is no unit is an error.
 */
function readPerCount(src: string, start: number, grammar: UnitGrammar): UnitRead {
  const count = readNumber(src, start, false);
  if (count.error !== null || !(count.value > 0)) return { unit: null, end: start, error: null };
  const k = skipSpaces(src, count.end);
  const wordStop = wordEnd(src, k);
  if (wordStop === k || !isWordChar(src.charCodeAt(k))) return { unit: null, end: start, error: null };
  const word = src.slice(k, wordStop);
  const per = word === "m" && grammar.minutes ? MINUTE : lookupUnit(word);
  if (per === undefined) return { unit: null, end: k, error: `“${excerpt(word)}” is not a unit Envelope knows` };
  const shown = `${src.slice(start, count.end)} ${per.text}`;
  return {
    unit: { factor: count.value * per.factor, dim: per.dim, label: per.label, text: shown, compactText: shown },
    end: wordStop,
    error: null,
  };
}
const NOTHING: UnitRead[] = [];

function nothingAt(end: number): UnitRead {
  // One frozen "no unit" result per end position seen, so the common case (a bare number) allocates nothing.
  const cached = NOTHING[end];
  if (cached !== undefined) return cached;
  const read: UnitRead = Object.freeze({ unit: null, end, error: null });
  if (end < 4096) NOTHING[end] = read;
  return read;
}

/** The exponent written after a unit word at i (`^2`, `^-1`, `²`, `⁻¹`): its value and end, or power 1 at i. */
function readPower(src: string, i: number): { power: number; end: number } {
  if (src.charCodeAt(i) === CHAR.caret) {
    let k = i + 1;
    const negative = src.charCodeAt(k) === CHAR.hyphen;
    if (negative) k++;
    let value = 0;
    const digitsStart = k;
    while (isDigit(src.charCodeAt(k))) value = value * 10 + digitAt(src, k++);
    if (k > digitsStart) return { power: negative ? -value : value, end: k };
    return { power: 1, end: i };
  }
  const superscript = readSuperscript(src, i);
  return superscript === null ? { power: 1, end: i } : { power: superscript.value, end: superscript.end };
}

/**
 * The one unit reader, for answers, authors' unit expressions and formulas. Reads the unit expression at `start`.
 *
 * In an answer or a unit expression: words joined by `/`, `per`, `·`, `*`, `-` (GB-month) or a space (requests per
 * second), each optionally raised to an integer power (`s^2`, `s²`). It stops at anything that is not a unit word,
 * at the word `to` (a range) and at `-` before a digit (a range); a word that is not a unit, or a joiner with no unit
 * after it, is an `error`.
 *
 * In a formula (`grammar.formula`), where `*`, `^` and names have their own meaning: one unit word (a count label
 * too: "10k requests"), or `$` not followed by a number, then `/unit` for data, time and money units only
 * ("requests/s", "TB/day", "$/GB/month"); a count label after `/` is left as a division, so a given named like a
 * label ("/ servers") still divides by the given. A name followed by `(` is a function call, never a unit. `money`
 * is the number of `$` already read before the number ("$0.023/GB/month"); with it, `/unit` may come first.
 * @example readUnit("3 TB/day", 1, ANSWER_UNITS) // { unit: { factor: 1e12 / 86400, dim: BANDWIDTH, text: "TB/day", … }, end: 8, error: null }
 * @example readUnit("1 s^2", 1, FORMULA_UNITS).end // 3: the power belongs to the formula
 */
export function readUnit(src: string, start: number, grammar: UnitGrammar, money = 0): UnitRead {
  const formula = grammar.formula;
  if (!formula) {
    const next = src.charCodeAt(skipSpaces(src, start));
    // Most answers end right after their number: skip the allocation when nothing here can start a unit.
    const starts =
      isWordChar(next) || next === CHAR.slash || next === CHAR.dollar || next === CHAR.percent || next === CHAR.times;
    if (!starts) return nothingAt(start);
  }
  const unit = new UnitBuilder(money, formula);
  let i = start;
  let end = start;
  let lastSign = 1;
  for (;;) {
    let j = skipSpaces(src, i);
    const spaced = j > i;
    const c = src.charCodeAt(j);
    let sign = 1;
    let explicit = false;
    if (c === CHAR.slash || (formula && c === CHAR.divide)) {
      // In a formula "x / s" divides by a second; only a unit already begun (or a `$`) continues with `/`.
      if (formula && unit.parts === 0 && money === 0) break;
      sign = -1;
      explicit = true;
      j = skipSpaces(src, j + 1);
    } else if (formula) {
      if (unit.parts > 0) break;
    } else if (c === CHAR.lowerP && src.startsWith("per", j) && !isWordChar(src.charCodeAt(j + 3))) {
      sign = -1;
      explicit = true;
      j = skipSpaces(src, j + 3);
    } else if (unit.parts > 0 && (c === CHAR.middleDot || c === CHAR.asterisk)) {
      const k = skipSpaces(src, j + 1);
      if (!isWordChar(src.charCodeAt(k)) && src.charCodeAt(k) !== CHAR.dollar) break;
      // "$/GB·month" and "$/GB-month" are per GB-month: a joined word stays on the side of the one before it.
      sign = lastSign;
      explicit = true;
      j = k;
    } else if (unit.parts > 0 && c === CHAR.hyphen && isWordChar(src.charCodeAt(j + 1))) {
      sign = lastSign;
      explicit = true;
      j = j + 1;
    } else if (unit.parts > 0 && !spaced) {
      break;
    }

    let entry: Unit | undefined;
    let after: number;
    let power = 1;
    if (formula) {
      const w = src.charCodeAt(j);
      if (w === CHAR.dollar && !explicit) {
        // "3 $/month"; "$ 5" is a price, read by the formula parser.
        const k = skipSpaces(src, j + 1);
        const n = src.charCodeAt(k);
        if (isDigit(n) || (n === CHAR.dot && isDigit(src.charCodeAt(k + 1)))) break;
        entry = DOLLAR;
        after = j + 1;
      } else {
        if (!isNameStart(w)) break;
        after = nameEnd(src, j);
        if (src.charCodeAt(skipSpaces(src, after)) === CHAR.openParen) break;
        entry = lookupUnit(src.slice(j, after));
        if (entry === undefined) break;
        // The test formulas have always made: exponents summing to zero, so a bandwidth after `/` stays a division too.
        const exponentSum = entry.dim.data + entry.dim.time + entry.dim.money;
        if (sign < 0 && (entry.label !== "" || exponentSum === 0)) break;
      }
    } else {
      const wordStop = wordEnd(src, j);
      if (wordStop === j) {
        if (sign < 0 && startsNumber(src, j)) {
          // "3 TB/24h": per a number of units.
          const per = readPerCount(src, j, grammar);
          if (per.error !== null) return per;
          if (per.unit === null) break;
          lastSign = sign;
          unit.add(per.unit, sign, 1);
          i = per.end;
          end = per.end;
          continue;
        }
        if (explicit) return { unit: null, end: j, error: `expected a unit after “${excerpt(src.slice(i, j))}”` };
        break;
      }
      const word = src.slice(j, wordStop);
      if (!explicit && (word === "to" || word === "TO" || word === "To")) break;
      entry = word === "m" && grammar.minutes ? MINUTE : lookupUnit(word);
      if (entry === undefined) {
        // Only a word the table does not know gets this far: "MB/S", "3 TB daily", "12k QPS peak".
        if (sign < 0 && word === "S") {
          entry = SECOND;
        } else if (!explicit && word.length <= LONGEST_WORD) {
          // Most words come in lower case already: spare the copy.
          const first = word.charCodeAt(0);
          const lower = first >= CHAR.upperA && first <= CHAR.upperZ ? word.toLowerCase() : word;
          const per = PER_WORDS.get(lower);
          if (per !== undefined) {
            entry = per;
            sign = -1;
          } else if (QUALIFIERS.has(lower)) {
            break;
          }
        }
        if (entry === undefined) {
          return { unit: null, end: j, error: `“${excerpt(word)}” is not a unit Envelope knows` };
        }
      }
      const written = readPower(src, wordStop);
      power = written.power;
      after = written.end;
    }
    lastSign = sign;
    unit.add(entry, sign, power);
    i = after;
    end = after;
  }
  if (unit.parts === 0 && money === 0) return formula ? { unit: null, end, error: null } : nothingAt(end);
  return { unit: unit.build(), end, error: null };
}
