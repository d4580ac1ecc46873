import { CHAR } from "../reader/scanner.ts";

/**
 * Magnitude words a number may carry: 46k, 46K, 4.6M, 3bn, 1.2T, 46 thousand, 3 million, 2 billion, and the
 * abbreviations of news and finance: 2.5mil, 2.5mn, 2.5 mln, 2.5MM (Roman: a thousand thousands), 3 bln, 1.2tn.
 */
const MAGNITUDES = new Map<string, number>([
  ["k", 1e3],
  ["K", 1e3],
  ["M", 1e6],
  ["bn", 1e9],
  ["Bn", 1e9],
  ["BN", 1e9],
  ["T", 1e12],
  ["mil", 1e6],
  ["Mil", 1e6],
  ["MIL", 1e6],
  ["mn", 1e6],
  ["Mn", 1e6],
  ["MN", 1e6],
  ["mln", 1e6],
  ["Mln", 1e6],
  ["MLN", 1e6],
  ["MM", 1e6],
  ["bln", 1e9],
  ["Bln", 1e9],
  ["BLN", 1e9],
  ["tn", 1e12],
  ["Tn", 1e12],
  ["trn", 1e12],
]);
// Spelled out, in any case and in the plural ("2.5 millions", as several languages write it).
const MAGNITUDE_WORDS = new Map<string, number>([
  ["thousand", 1e3],
  ["thousands", 1e3],
  ["million", 1e6],
  ["millions", 1e6],
  ["billion", 1e9],
  ["billions", 1e9],
  ["trillion", 1e12],
  ["trillions", 1e12],
]);

/**
 * The factor of a magnitude word ("k" → 1000, "million" → 1e6), or 0 when the word is not one. Spelled-out words
 * match whatever their case; the letters only as listed (`m` and `B` depend on context: see {@link letterMagnitude}).
 * @example magnitudeOf("bn") // 1e9
 */
export function magnitudeOf(word: string): number {
  const direct = MAGNITUDES.get(word);
  if (direct !== undefined) return direct;
  // The shortest spelled-out word, "million", has seven letters: skip the lower-casing for anything shorter.
  if (word.length < 7) return 0;
  return MAGNITUDE_WORDS.get(word) ?? MAGNITUDE_WORDS.get(word.toLowerCase()) ?? 0;
}

/**
 * The magnitude a single letter after a number stands for in an answer, or 0: k K M T always; `B` and `b` are
 * billion unless data is expected (then bytes and bits), `m` is million unless a time is expected (then minutes).
 * @example letterMagnitude(CHAR.upperB, { data: true, minutes: false }) // 0: "3B" is three bytes here
 */
export function letterMagnitude(c: number, context: { readonly data: boolean; readonly minutes: boolean }): number {
  if (c === CHAR.lowerK || c === CHAR.upperK) return 1e3;
  if (c === CHAR.upperM) return 1e6;
  if (c === CHAR.upperT) return 1e12;
  if (c === CHAR.upperB || c === CHAR.lowerB) return context.data ? 0 : 1e9;
  if (c === CHAR.lowerM) return context.minutes ? 0 : 1e6;
  return 0;
}
