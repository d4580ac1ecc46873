import type { Dimension } from "./dimension.ts";

/** The two ends of a range answer ("30k-80k"), in the same SI base units as {@link Quantity.value}. */
export type QuantityRange = { readonly low: number; readonly high: number };

/**
 * A number with a dimension. `value` is in SI base units: bytes for data (a bit is 1/8), seconds for time,
 * US dollars for money, and plain numbers for counts. `label` names what a count counts ("requests", "users");
 * it is kept for display and ignored by conversion and grading. `range` is set when a learner typed a range
 * ("30k-80k"); then `value` is the geometric mean of its ends.
 */
export type Quantity = {
  readonly value: number;
  readonly dim: Dimension;
  readonly label: string;
  readonly range: QuantityRange | null;
};

/** A quantity from a value in base units. */
export function makeQuantity(value: number, dim: Dimension, label = ""): Quantity {
  return { value, dim, label, range: null };
}

/** A range quantity; `value` is the geometric mean of the ends (their arithmetic mean when an end is ≤ 0). */
export function makeRange(low: number, high: number, dim: Dimension, label = ""): Quantity {
  const mid = low > 0 && high > 0 ? Math.sqrt(low * high) : (low + high) / 2;
  return { value: mid, dim, label, range: { low, high } };
}
