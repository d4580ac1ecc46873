const SLIPS: readonly (readonly [factor: number, note: string])[] = [
  [1e3, "A prefix slip? K, M, G and T are each 1,000 apart, and so are µs, ms and s."],
  [1e-3, "A prefix slip? K, M, G and T are each 1,000 apart, and so are µs, ms and s."],
  [1e6, "Two prefix steps apart (KB ↔ GB, ms ↔ ks), or thousand and billion mixed up?"],
  [1e-6, "Two prefix steps apart (KB ↔ GB), or million read as thousand?"],
  [
    100,
    "A fraction and a percentage mixed up? 0.5 is 0.5 when a plain number is asked, and 0.5 % when a percentage is.",
  ],
  [1e-2, "A fraction where a percentage is asked? A bare 0.975 on a percentage step reads as 0.975 %; write 97.5 %."],
  [8, "Bits versus bytes? A byte is 8 bits; check whether the step asks for bytes (MB/s) or bits (Mbps)."],
  [1 / 8, "Bits versus bytes? A byte is 8 bits; check whether the step asks for bits (Gbps) or bytes (GB/s)."],
  [86_400, "Forgot to divide by the 86,400 seconds of a day? A per-day figure becomes per second by ÷ 86,400."],
  [
    1 / 86_400,
    "Divided by the 86,400 seconds of a day once too often, or forgot to multiply by it (per second × 86,400 = per day)?",
  ],
  [3_600, "Forgot to divide by the 3,600 seconds of an hour?"],
  [1 / 3_600, "Divided by the 3,600 seconds of an hour once too often, or forgot to multiply by it?"],
  [60, "A factor of 60 off: seconds and minutes (or minutes and hours) mixed up?"],
  [1 / 60, "A factor of 60 off: seconds and minutes (or minutes and hours) mixed up?"],
  [24, "A factor of 24 off: hours and days mixed up?"],
  [1 / 24, "A factor of 24 off: hours and days mixed up?"],
];

// An answer within 3 % of a slip factor is that slip: close enough to survive rounding and 1,024-vs-1,000 prefixes,
// far enough that a factor of 9 or 7 is not mistaken for bits and bytes.
const NEAR = Math.log(1.03);

/**
 * A hint naming the likely slip when an answer is off by 10^3, 10^6, 100, 8, a time conversion (86,400, 3,600, 60,
 * 24) or their inverses, else "".
 * @example slipNote(1000) // "A prefix slip? …" (the grade's message already says how far off the answer is)
 */
export function slipNote(ratio: number): string {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return "";
  const ln = Math.log(ratio);
  for (const [factor, note] of SLIPS) if (Math.abs(ln - Math.log(factor)) <= NEAR) return note;
  return "";
}
