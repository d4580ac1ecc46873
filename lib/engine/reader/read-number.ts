import { CHAR, digitAt, excerpt, isDigit, readSuperscript, skipSpaces } from "./scanner.ts";

/** A number read at a position: its value, where it starts and ends (end −1: no number there), or why it is unreadable. */
export type NumberRead = { value: number; start: number; end: number; commas: boolean; error: string | null };

const NO_MANTISSA: NumberRead = { value: Number.NaN, start: 0, end: -1, commas: false, error: null };

function mantissaError(start: number, end: number, error: string): NumberRead {
  return { value: Number.NaN, start, end, commas: false, error };
}

/** The mantissa as written, without thousands commas. */
function mantissaText(src: string, m: NumberRead): string {
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
function scanMantissa(src: string, start: number): NumberRead {
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
        `commas separate thousands (46,296); write a decimal with a point (4.6), not “${excerpt(src.slice(start, k))}”`,
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
  const m: NumberRead = { value: 0, start, end: j, commas, error: null };
  if (mantissa <= Number.MAX_SAFE_INTEGER && exponent >= -22 && exponent <= 22) {
    m.value = exponent < 0 ? mantissa / (POWERS_OF_TEN[-exponent] ?? 1) : mantissa * (POWERS_OF_TEN[exponent] ?? 1);
  } else {
    m.value = Number(mantissaText(src, m));
  }
  return m;
}

/** A signed mantissa (exponents may be negative: 10^-3, 2^−1). */
function scanSignedMantissa(src: string, start: number): NumberRead {
  const c = src.charCodeAt(start);
  if (c === CHAR.hyphen || c === CHAR.minus || c === CHAR.plus) {
    const m = scanMantissa(src, start + 1);
    if (m.end >= 0 && m.error === null && c !== CHAR.plus) m.value = -m.value;
    return m;
  }
  return scanMantissa(src, start);
}

/** mantissa × 10^exponent, exact for integer exponents (4.6 × 10^4 is 46000, not 45999.99…). */
function timesPowerOfTen(src: string, mantissa: NumberRead, exponent: number): number {
  const text = mantissaText(src, mantissa);
  if (Number.isInteger(exponent) && !text.includes("e") && !text.includes("E")) return Number(`${text}e${exponent}`);
  return mantissa.value * 10 ** exponent;
}

function power(src: string, base: NumberRead, exponent: number): number {
  if (base.value === 10 && Number.isInteger(exponent) && mantissaText(src, base) === "10")
    return Number(`1e${exponent}`);
  return base.value ** exponent;
}

/**
 * Reads the number at `start` in any whiteboard form: 46296, 46,296, 4.6e4, 4.6×10^4, 4.6x10^4, 4.6*10^4, 10^5, 2^21,
 * 10⁴, 1/3, 7.5:1. Magnitudes (46k) and units are left to the caller; "3x" stays 3 (an `x` not before 10^n is a unit).
 * With `ratios` false a colon ends the number ("1:30" is a clock time on a step that asks for a time, not 1/30).
 * A decimal comma ("4,6") is an error; no number at `start` is `end: -1`.
 * @example readNumber("4.6×10^4 users", 0) // { value: 46000, start: 0, end: 8, commas: false, error: null }
 */
export function readNumber(src: string, start: number, ratios = true): NumberRead {
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
    if (exponent.end < 0) {
      return mantissaError(start, k + 1, `expected an exponent after “${excerpt(src.slice(start, k + 1))}”`);
    }
    value = power(src, m, exponent.value);
    end = exponent.end;
  } else if (superscript !== null) {
    value = power(src, m, superscript.value);
    end = superscript.end;
  } else if (
    c === CHAR.times ||
    c === CHAR.lowerX ||
    c === CHAR.upperX ||
    c === CHAR.asterisk ||
    c === CHAR.middleDot
  ) {
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
  if (slash === CHAR.slash || (slash === CHAR.colon && ratios)) {
    const d = skipSpaces(src, f + 1);
    const next = src.charCodeAt(d);
    if (isDigit(next) || (next === CHAR.dot && isDigit(src.charCodeAt(d + 1)))) {
      const denominator = scanMantissa(src, d);
      if (denominator.error !== null) return denominator;
      if (denominator.value === 0) {
        return mantissaError(start, denominator.end, `“${excerpt(src.slice(start, denominator.end))}” divides by zero`);
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
