// The character-level scanner shared by every reader in the engine (answers, unit expressions, formulas). It compares
// UTF-16 code units rather than running regular expressions, because reading an answer is the hot path of grading
// (npm run bench:engine); the characters are named here so that no reader compares raw numbers.

/** The characters the readers look at, by name (UTF-16 code units). */
export const CHAR = Object.freeze({
  tab: 0x09,
  lineFeed: 0x0a,
  lineTabulation: 0x0b,
  formFeed: 0x0c,
  carriageReturn: 0x0d,
  space: 0x20,
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
  upperG: 0x47,
  upperK: 0x4b,
  upperM: 0x4d,
  upperO: 0x4f,
  upperP: 0x50,
  upperS: 0x53,
  upperT: 0x54,
  upperX: 0x58,
  upperZ: 0x5a,
  caret: 0x5e,
  underscore: 0x5f,
  lowerA: 0x61,
  lowerB: 0x62,
  lowerE: 0x65,
  lowerG: 0x67,
  lowerH: 0x68,
  lowerK: 0x6b,
  lowerM: 0x6d,
  lowerO: 0x6f,
  lowerP: 0x70,
  lowerT: 0x74,
  lowerX: 0x78,
  lowerZ: 0x7a,
  tilde: 0x7e,
  nextLine: 0x85,
  noBreakSpace: 0xa0,
  softHyphen: 0xad,
  superscriptTwo: 0xb2,
  superscriptThree: 0xb3,
  micro: 0xb5,
  middleDot: 0xb7,
  superscriptOne: 0xb9,
  times: 0xd7,
  divide: 0xf7,
  greekMu: 0x3bc,
  ogham: 0x1680,
  mongolianVowelSeparator: 0x180e,
  enQuad: 0x2000, // U+2000 to U+200A: en and em quads and spaces, figure, punctuation, thin and hair spaces
  hairSpace: 0x200a,
  zeroWidthSpace: 0x200b,
  zeroWidthNonJoiner: 0x200c,
  zeroWidthJoiner: 0x200d,
  rightToLeftMark: 0x200f, // U+200B to U+200F: zero-width space, non-joiner, joiner, left-to-right and right-to-left marks
  enDash: 0x2013,
  emDash: 0x2014,
  ellipsis: 0x2026,
  lineSeparator: 0x2028,
  paragraphSeparator: 0x2029,
  leftToRightEmbedding: 0x202a, // U+202A to U+202E: bidirectional embeddings and overrides
  rightToLeftOverride: 0x202e,
  narrowNoBreakSpace: 0x202f,
  mediumMathematicalSpace: 0x205f,
  wordJoiner: 0x2060,
  popDirectionalIsolate: 0x2069, // U+2060 to U+2069: word joiner, invisible operators, bidirectional isolates
  superscriptZero: 0x2070,
  superscriptMinus: 0x207b,
  minus: 0x2212,
  tildeOperator: 0x223c,
  asymptoticallyEqual: 0x2243,
  almostEqual: 0x2248,
  ideographicSpace: 0x3000,
  highSurrogateFirst: 0xd800,
  highSurrogateLast: 0xdbff,
  lowSurrogateFirst: 0xdc00,
  lowSurrogateLast: 0xdfff,
  byteOrderMark: 0xfeff,
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

/**
 * Blank space between tokens: every Unicode space (White_Space), so what is pasted from a document or a chat reads
 * like a typed space: no-break (U+00A0), thin (U+2009), figure (U+2007), narrow no-break (U+202F), ideographic
 * (U+3000) and the rest. Zero-width characters are not spaces: see {@link isInvisible}.
 */
export function isSpace(c: number): boolean {
  // ASCII first: this runs after every number and word of every answer graded.
  if (c <= CHAR.space) return c === CHAR.space || (c >= CHAR.tab && c <= CHAR.carriageReturn);
  if (!(c >= CHAR.nextLine)) return false; // NaN too: past the end of the text
  return (
    c === CHAR.noBreakSpace ||
    c === CHAR.nextLine ||
    c === CHAR.ogham ||
    (c >= CHAR.enQuad && c <= CHAR.hairSpace) ||
    c === CHAR.lineSeparator ||
    c === CHAR.paragraphSeparator ||
    c === CHAR.narrowNoBreakSpace ||
    c === CHAR.mediumMathematicalSpace ||
    c === CHAR.ideographicSpace
  );
}

/**
 * A character that takes no room and means nothing in an answer, carried in by copy and paste: zero-width space,
 * non-joiner and joiner, word joiner, the invisible operators, the direction marks, embeddings and isolates, the
 * byte-order mark (U+FEFF, also the zero-width no-break space), the soft hyphen and the Mongolian vowel separator.
 * Answers are read as if these were not there.
 */
export function isInvisible(c: number): boolean {
  if (c < CHAR.softHyphen) return false;
  return (
    (c >= CHAR.zeroWidthSpace && c <= CHAR.rightToLeftMark) ||
    (c >= CHAR.leftToRightEmbedding && c <= CHAR.rightToLeftOverride) ||
    (c >= CHAR.wordJoiner && c <= CHAR.popDirectionalIsolate) ||
    c === CHAR.byteOrderMark ||
    c === CHAR.softHyphen ||
    c === CHAR.mongolianVowelSeparator
  );
}

/**
 * The text without its {@link isInvisible} characters, or null when it has none (the common case: no copy made).
 * @example withoutInvisibles("46\u200bk") // "46k"
 */
export function withoutInvisibles(src: string): string | null {
  let i = 0;
  while (i < src.length && !isInvisible(src.charCodeAt(i))) i++;
  if (i === src.length) return null;
  let out = src.slice(0, i);
  for (let start = i + 1, j = i + 1; ; j++) {
    if (j === src.length || isInvisible(src.charCodeAt(j))) {
      out += src.slice(start, j);
      if (j === src.length) return out;
      start = j + 1;
    }
  }
}

/**
 * A short quotation of what was typed, for a message: trimmed, and cut after `max` characters with an ellipsis (a
 * 10,000-character answer is quoted by its first 30). Never cuts an emoji in half.
 * @example excerpt("x".repeat(100)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 */
export function excerpt(text: string, max = 30): string {
  const n = text.length;
  // The usual case, a short word or unit with nothing to trim, is quoted as it is.
  if (n <= max && n > 0 && !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1))) return text;
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let end = max;
  const last = trimmed.charCodeAt(end - 1);
  // A high surrogate at the cut would leave half an emoji ("�").
  if (last >= CHAR.highSurrogateFirst && last <= CHAR.highSurrogateLast) end--;
  return `${trimmed.slice(0, end).trimEnd()}…`;
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
