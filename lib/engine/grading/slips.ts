const SLIPS: readonly (readonly [factor: number, note: string])[] = [
  [1e3, "About 1,000× the reference: a prefix slip? K, M, G and T are each 1,000 apart, and so are µs, ms and s."],
  [1e-3, "About 1/1,000 of the reference: a prefix slip? K, M, G and T are each 1,000 apart, and so are µs, ms and s."],
  [1e6, "About 1,000,000× the reference: two prefix steps (KB ↔ GB, ms ↔ ks), or thousand and billion mixed up?"],
  [1e-6, "About 1/1,000,000 of the reference: two prefix steps (KB ↔ GB), or million read as thousand?"],
  [8, "8× the reference: bits versus bytes? A byte is 8 bits; check whether the step asks for bytes (MB/s) or bits (Mbps)."],
  [1 / 8, "1/8 of the reference: bits versus bytes? A byte is 8 bits; check whether the step asks for bits (Gbps) or bytes (GB/s)."],
];

// An answer within 3 % of a slip factor is that slip: close enough to survive rounding and 1,024-vs-1,000 prefixes,
// far enough that a factor of 9 or 7 is not mistaken for bits and bytes.
const NEAR = Math.log(1.03);

/**
 * A hint naming the likely slip when an answer is off by 10^3, 10^6, 8 or their inverses, else "".
 * @example slipNote(1000) // "About 1,000× the reference: a prefix slip? …"
 */
export function slipNote(ratio: number): string {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return "";
  const ln = Math.log(ratio);
  for (const [factor, note] of SLIPS) if (Math.abs(ln - Math.log(factor)) <= NEAR) return note;
  return "";
}
