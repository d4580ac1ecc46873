// Number formatting for display and for echoing answers. Hand-written on top of toFixed/toPrecision because
// Intl.NumberFormat is several times slower and the grading hot path formats every answer it reads.

import { CHAR } from "./reader/scanner.ts";

function groupDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = "";
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) {
    out += out === "" ? digits.slice(i, i + 3) : `,${digits.slice(i, i + 3)}`;
  }
  return out;
}

/** x with `decimals` places, trailing zeros dropped, thousands separated by commas: 46296.3 → "46,296.3". */
export function formatFixed(x: number, decimals: number): string {
  const fixed = Math.abs(x).toFixed(decimals);
  const dot = fixed.indexOf(".");
  let integer = dot < 0 ? fixed : fixed.slice(0, dot);
  let fraction = dot < 0 ? "" : fixed.slice(dot + 1);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === CHAR.digitZero) end--;
  fraction = fraction.slice(0, end);
  integer = groupDigits(integer);
  const body = fraction === "" ? integer : `${integer}.${fraction}`;
  return x < 0 && body !== "0" ? `-${body}` : body;
}

function decimalExponent(ax: number): number {
  let e = Math.floor(Math.log10(ax));
  if (10 ** e > ax) e--;
  else if (10 ** (e + 1) <= ax) e++;
  return e;
}

/** Scientific notation the answer parser reads back: 1.23e17 → "1.23×10^17". */
export function formatScientific(x: number, sig: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [mantissa = "0", exponent = "0"] = x.toExponential(Math.max(0, sig - 1)).split("e");
  let m = mantissa;
  if (m.includes(".")) {
    let end = m.length;
    while (m.charCodeAt(end - 1) === CHAR.digitZero) end--;
    if (m.charCodeAt(end - 1) === CHAR.dot) end--;
    m = m.slice(0, end);
  }
  return `${m}×10^${exponent.startsWith("+") ? exponent.slice(1) : exponent}`;
}

/** x rounded to `sig` significant figures, trailing zeros dropped: (34.7222, 4) → "34.72", (46296, 2) → "46,000". */
export function formatSignificant(x: number, sig: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  const rounded = Number(x.toPrecision(sig));
  const ax = Math.abs(rounded);
  if (ax >= 1e15 || ax < 1e-6) return formatScientific(rounded, sig);
  return formatFixed(rounded, Math.max(0, sig - 1 - decimalExponent(ax)));
}

/**
 * The display rule: whole numbers from 1,000 up; one decimal from 10 to 999 (34.7, 182.5); two below 10 (1.4, 2.66);
 * three significant figures below 1 (0.023); scientific notation from 10^15 and below 10^-6.
 */
export function formatDisplay(x: number): string {
  const ax = Math.abs(x);
  if (ax === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  if (ax >= 1e15 || ax < 1e-6) return formatScientific(x, 3);
  if (ax >= 999.95) return formatFixed(x, 0);
  if (ax >= 10) return formatFixed(x, 1);
  if (ax >= 0.9995) return formatFixed(x, 2);
  return formatSignificant(x, 3);
}

/**
 * How an answer is echoed back ("read as …"): everything the learner typed survives, up to six significant figures,
 * and whole numbers are written out in full up to 10^15 ("3,000,000,000").
 */
export function formatRead(x: number): string {
  const ax = Math.abs(x);
  if (ax === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  if (ax >= 1e15) return formatScientific(x, 6);
  // Fast paths (this runs for every graded answer): whole numbers, and toPrecision's own fixed notation.
  if (Number.isInteger(x)) return x < 0 ? `-${groupDigits(String(ax))}` : groupDigits(String(ax));
  if (ax >= 1e6) return formatFixed(x, 0);
  if (ax < 1e-6) return formatScientific(x, 6);
  const fixed = ax.toPrecision(6);
  if (fixed.includes("e")) return formatSignificant(x, 6); // 999,999.7 rounds up to 1.00000e+6
  const dot = fixed.indexOf(".");
  let end = fixed.length;
  if (dot >= 0) {
    while (fixed.charCodeAt(end - 1) === CHAR.digitZero) end--;
    if (end - 1 === dot) end--;
  }
  const body =
    dot < 0
      ? groupDigits(fixed)
      : dot > 3
        ? groupDigits(fixed.slice(0, dot)) + fixed.slice(dot, end)
        : fixed.slice(0, end);
  return x < 0 ? `-${body}` : body;
}

const SUFFIXES: readonly (readonly [number, string])[] = [
  [1e12, "T"],
  [1e9, "bn"],
  [1e6, "M"],
  [1e3, "k"],
];

/**
 * A compact form with a magnitude suffix the parser reads back: 46296 → "46.3k", 4e9 → "4bn", 2.66e6 → "2.66M".
 * `format` writes the scaled number (the display rule by default); below `from` (default 1,000) the number is
 * written out whole by `format`.
 */
export function formatCompact(x: number, format: (v: number) => string = formatDisplay, from = 1e3): string {
  const ax = Math.abs(x);
  if (ax < from || ax >= 1e15 || !Number.isFinite(x)) return format(x);
  for (let i = 0; i < SUFFIXES.length; i++) {
    const entry = SUFFIXES[i];
    if (entry === undefined) break;
    const [scale, suffix] = entry;
    if (ax >= scale * 0.9995) {
      const shown = format(x / scale);
      // 999,999 rounds to "1,000k": move up to the next suffix instead.
      if (i > 0 && Math.abs(Number(shown.replaceAll(",", ""))) >= 1000) {
        const up = SUFFIXES[i - 1];
        if (up !== undefined) return `${format(x / up[0])}${up[1]}`;
      }
      return `${shown}${suffix}`;
    }
  }
  return format(x);
}
