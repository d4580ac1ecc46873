import { describeDimension, sameDimension, TIME } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { CHAR, excerpt, isWordChar } from "../reader/scanner.ts";
import { parseUnit } from "../units/parse-unit.ts";
import type { Unit } from "../units/unit.ts";
import { withDataPrefix } from "../units/unit-table.ts";

/** How a clock time reads on a step asked in a time: "1:30" is m:ss in seconds or minutes, h:mm in hours or days. */
export type ClockReading = "m:ss" | "h:mm";

/**
 * What a size letter stands for on a step asked in data or bandwidth, the way `du -h` and `-Xmx` write sizes: on a
 * GB step "500M" is 500 MB (`unit`, the unit asked with its prefix replaced), not 500 million GB. `word` is the
 * data word alone ("MB"), `count` the count magnitude the letter is not read as ("million"; "" for G, P and E).
 */
export type SizeLetter = { readonly unit: Unit; readonly word: string; readonly count: string };

/** The context an answer is read in: the unit the question asks for, and what it makes of letters and colons. */
export type AnswerContext = {
  readonly expect: Unit | null;
  /** `B` is bytes and `b` bits when data is expected; both are billion otherwise. */
  readonly data: boolean;
  /** A lone `m` is minutes when a time is expected; million otherwise. */
  readonly minutes: boolean;
  /** On a step asked in a time, how "1:30" reads (never as the ratio 1/30); null on any other step. */
  readonly clock: ClockReading | null;
  /**
   * On a step asked in data or bandwidth, the size letters K M G T P E (and k m g t), indexed by character code (an
   * array, not a map: it is looked up after every number on such a step); else null.
   */
  readonly sizes: readonly (SizeLetter | undefined)[] | null;
  /** The sentence an unreadable answer's message ends with: " This step asks for a time, in ms." ("" if nothing is). */
  readonly asked: string;
};

// An hour: from this unit up, "1:30" is an hour and a half.
const HOUR_SECONDS = 3600;

/**
 * How "1:30" reads in a time unit: h:mm in hours or anything longer, m:ss in minutes or anything shorter.
 * @example clockReadingFor(parseUnit("day")) // "h:mm"
 */
export function clockReadingFor(unit: Unit): ClockReading {
  return unit.factor >= HOUR_SECONDS ? "h:mm" : "m:ss";
}

const SIZE_LETTERS: readonly (readonly [prefix: string, count: string, letters: readonly number[]])[] = [
  ["K", "thousand", [CHAR.upperK, CHAR.lowerK]],
  ["M", "million", [CHAR.upperM, CHAR.lowerM]],
  ["G", "", [CHAR.upperG, CHAR.lowerG]],
  ["T", "trillion", [CHAR.upperT, CHAR.lowerT]],
  ["P", "", [CHAR.upperP]],
  ["E", "", [CHAR.upperE]],
];

/** The first word of a unit text that is a data unit: its start and end, or null ("MB/s" → "MB", "$/GB" → "GB"). */
function dataWord(text: string): { start: number; end: number } | null {
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (withDataPrefix(text.slice(i, end), "K") !== undefined) return { start: i, end };
    i = end;
  }
  return null;
}

function sizeLetters(expect: Unit): readonly (SizeLetter | undefined)[] | null {
  const { dim, text } = expect;
  if (dim.data !== 1 || dim.money !== 0) return null;
  const found = dataWord(text);
  if (found === null) return null;
  const letters: (SizeLetter | undefined)[] = new Array<SizeLetter | undefined>(CHAR.lowerZ + 1).fill(undefined);
  for (const [prefix, count, codes] of SIZE_LETTERS) {
    const word = withDataPrefix(text.slice(found.start, found.end), prefix);
    if (word === undefined) continue;
    let unit: Unit;
    try {
      unit = parseUnit(`${text.slice(0, found.start)}${word}${text.slice(found.end)}`);
    } catch (error) {
      // A unit built in code may carry a display text no author would write: then its letters keep their count
      // meaning, as reading an answer never throws.
      if (error instanceof EngineError) continue;
      throw error;
    }
    for (const code of codes) letters[code] = { unit, word, count };
  }
  return letters;
}

function askedFor(expect: Unit): string {
  if (expect.text === "") return " This step asks for a plain number.";
  return ` This step asks for ${describeDimension(expect.dim).phrase}, in ${excerpt(expect.text)}.`;
}

function contextFor(expect: Unit | null): AnswerContext {
  if (expect === null) return { expect, data: false, minutes: false, clock: null, sizes: null, asked: "" };
  const time = sameDimension(expect.dim, TIME);
  return {
    expect,
    data: expect.dim.data !== 0,
    minutes: expect.dim.time > 0,
    clock: time ? clockReadingFor(expect) : null,
    sizes: sizeLetters(expect),
    asked: askedFor(expect),
  };
}

const contextCache = new WeakMap<Unit, AnswerContext>();
const NO_EXPECTATION = contextFor(null);

/**
 * The context an answer to a step asked in `expect` is read in (no unit asked: null), built once per unit.
 * @example answerContext(parseUnit("GB")).sizes?.[CHAR.upperM]?.word // "MB": "500M" is 500 MB here
 * @example answerContext(parseUnit("h")).clock // "h:mm": "1:30" is an hour and a half here
 */
export function answerContext(expect: Unit | null): AnswerContext {
  if (expect === null) return NO_EXPECTATION;
  const cached = contextCache.get(expect);
  if (cached !== undefined) return cached;
  const ctx = contextFor(expect);
  contextCache.set(expect, ctx);
  return ctx;
}
