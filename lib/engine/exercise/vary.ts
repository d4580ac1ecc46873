import type { VarySpec } from "./spec.ts";

function exponentOf(x: number): number {
  let e = Math.floor(Math.log10(Math.abs(x)));
  if (10 ** e > Math.abs(x)) e--;
  else if (10 ** (e + 1) <= Math.abs(x)) e++;
  return e;
}

/** x rounded to `sig` significant figures, without floating-point tails (0.30000000000000004 → 0.3). */
export function roundSignificant(x: number, sig: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(sig));
}

function roundDirected(x: number, sig: number, direction: "up" | "down"): number {
  if (x === 0) return 0;
  const places = sig - 1 - exponentOf(x);
  const scale = 10 ** Math.abs(places);
  const scaled = places >= 0 ? x * scale : x / scale;
  const whole = direction === "up" ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  const back = places >= 0 ? whole / scale : whole * scale;
  return Number(back.toPrecision(sig + 1));
}

/** The smallest number with `sig` significant figures that is ≥ x. */
export function ceilSignificant(x: number, sig: number): number {
  return roundDirected(x, sig, "up");
}

/** The largest number with `sig` significant figures that is ≤ x. */
export function floorSignificant(x: number, sig: number): number {
  return roundDirected(x, sig, "down");
}

/**
 * A drill value from `vary` for a uniform draw u ∈ [0, 1): log-uniform between min and max (linear when
 * `scale` says so), rounded to `sig` significant figures, and moved to the nearest round number inside
 * [min, max] when rounding pushed it out.
 */
export function pickValue(vary: VarySpec, u: number): number {
  const { min, max, scale, sig } = vary;
  const raw = scale === "log" ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
  const value = roundSignificant(raw, sig);
  if (value < min) return ceilSignificant(min, sig);
  if (value > max) return floorSignificant(max, sig);
  return value;
}
