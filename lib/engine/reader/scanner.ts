// The character-level scanner shared by every reader in the engine (answers, unit expressions, formulas). It compares
// UTF-16 code units rather than running regular expressions, because reading an answer is the hot path of grading
// (npm run bench:engine); the characters are named here so that no reader compares raw numbers.

/** The characters the readers look at, by name (UTF-16 code units). */
export const CHAR = Object.freeze({
  tab: 0x09,
  lineFeed: 0x0a,
  carriageReturn: 0x0d,
  space: 0x20,
  noBreakSpace: 0xa0,
  narrowNoBreakSpace: 0x202f,
  dollar: 0x24,
  percent: 0x25,
  openParen: 0x28,
  asterisk: 0x2a,
  plus: 0x2b,
  comma: 0x2c,
  hyphen: 0x2d,
  dot: 0x2e,
  slash: 0x2f,
  digitZero: 0x30,
  digitNine: 0x39,
  colon: 0x3a,
  equals: 0x3d,
  upperA: 0x41,
  upperB: 0x42,
  upperE: 0x45,
  upperK: 0x4b,
  upperM: 0x4d,
  upperO: 0x4f,
  upperT: 0x54,
  upperX: 0x58,
  upperZ: 0x5a,
  caret: 0x5e,
  underscore: 0x5f,
  lowerA: 0x61,
  lowerB: 0x62,
  lowerE: 0x65,
  lowerK: 0x6b,
  lowerM: 0x6d,
  lowerO: 0x6f,
  lowerP: 0x70,
  lowerT: 0x74,
  lowerX: 0x78,
  lowerZ: 0x7a,
  tilde: 0x7e,
  superscriptTwo: 0xb2,
  superscriptThree: 0xb3,
  micro: 0xb5,
  middleDot: 0xb7,
  superscriptOne: 0xb9,
  times: 0xd7,
  divide: 0xf7,
  greekMu: 0x3bc,
  enDash: 0x2013,
  emDash: 0x2014,
  ellipsis: 0x2026,
  superscriptZero: 0x2070,
  superscriptMinus: 0x207b,
  minus: 0x2212,
  tildeOperator: 0x223c,
  asymptoticallyEqual: 0x2243,
  almostEqual: 0x2248,
});

/**
 * A letter of a word (unit, magnitude or name): ASCII letters and the micro sign in both its spellings (µs, μs).
 * NaN (past the end of the text) is not one.
 */
export function isWordChar(c: number): boolean {
  return (
    (c >= CHAR.lowerA && c <= CHAR.lowerZ) ||
    (c >= CHAR.upperA && c <= CHAR.upperZ) ||
    c === CHAR.micro ||
    c === CHAR.greekMu
  );
}

/** An ASCII digit; NaN (past the end of the text) is not one. */
export function isDigit(c: number): boolean {
  return c >= CHAR.digitZero && c <= CHAR.digitNine;
}

/** The value of the digit at i, when {@link isDigit} holds for it. */
export function digitAt(src: string, i: number): number {
  return src.charCodeAt(i) - CHAR.digitZero;
}

/** Blank space between tokens, including the no-break spaces that pasted numbers carry ("46 296"). */
export function isSpace(c: number): boolean {
  return (
    c === CHAR.space ||
    c === CHAR.tab ||
    c === CHAR.noBreakSpace ||
    c === CHAR.lineFeed ||
    c === CHAR.carriageReturn ||
    c === CHAR.narrowNoBreakSpace
  );
}

/** The first position at or after i that is not blank space. */
export function skipSpaces(src: string, i: number): number {
  let j = i;
  while (j < src.length && isSpace(src.charCodeAt(j))) j++;
  return j;
}

/**
 * The end of the word starting at i (`$`, `%` and `×` are one-character words); i itself when no word starts there.
 * @example wordEnd("46 GB/s", 3) // 5
 */
export function wordEnd(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === CHAR.dollar || c === CHAR.percent || c === CHAR.times) return i + 1;
  let j = i;
  while (j < src.length && isWordChar(src.charCodeAt(j))) j++;
  return j;
}

// Above the Basic Multilingual Plane a character takes two UTF-16 code units (an emoji, say).
const LAST_ONE_UNIT_CODE_POINT = 0xffff;

/**
 * How many UTF-16 code units the character at i takes: 2 for an emoji and other astral characters, else 1.
 * @example charLength("🚀k", 0) // 2
 */
export function charLength(src: string, i: number): number {
  return (src.codePointAt(i) ?? 0) > LAST_ONE_UNIT_CODE_POINT ? 2 : 1;
}

/** A character a formula name may start with: a letter or `_`. */
export function isNameStart(c: number): boolean {
  return isWordChar(c) || c === CHAR.underscore;
}

/**
 * The end of the formula name starting at i: letters, digits and `_` ("peak_qps", "log2").
 * @example nameEnd("log2(x)", 0) // 4
 */
export function nameEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (!(isWordChar(c) || isDigit(c) || c === CHAR.underscore)) break;
    j++;
  }
  return j;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Reads superscript digits (with an optional ⁻) at i: the exponent and where it ends, or null.
 * @example readSuperscript("s⁻¹", 1) // { value: -1, end: 3 }
 */
export function readSuperscript(src: string, i: number): { value: number; end: number } | null {
  const first = src.charCodeAt(i);
  // ¹ ² ³ sit in Latin-1; ⁰, ⁴…⁹ and ⁻ in the block U+2070…U+207B.
  if (!(
    first === CHAR.superscriptOne ||
    first === CHAR.superscriptTwo ||
    first === CHAR.superscriptThree ||
    (first >= CHAR.superscriptZero && first <= CHAR.superscriptMinus)
  )) {
    return null;
  }
  let j = i;
  let negative = false;
  if (src.charCodeAt(j) === CHAR.superscriptMinus) {
    negative = true;
    j++;
  }
  let value = 0;
  const start = j;
  while (j < src.length) {
    const digit = SUPERSCRIPT_DIGITS.indexOf(src.charAt(j));
    if (digit < 0) break;
    value = value * 10 + digit;
    j++;
  }
  if (j === start) return null;
  return { value: negative ? -value : value, end: j };
}
