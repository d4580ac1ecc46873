import { describeDimension, sameDimension } from "./dimension.ts";
import { EngineError } from "./engine-error.ts";
import type { Quantity } from "./quantity.ts";
import { parseUnit } from "./units/parse-unit.ts";

/**
 * The value of a quantity in a unit: `value / factor(unit)`, after checking both have the same dimension.
 * Count labels are ignored (46k users/s converts to requests/s). For a range this is its geometric mean.
 * @throws EngineError (`unknown-unit`) for a unit the engine does not know and (`dimension-mismatch`) for a
 * unit of another dimension, naming both.
 * @example convert(evaluate("3 TB/day"), "MB/s") // 34.722…
 * @example convert(evaluate("175 MB/s"), "Gbps") // 1.4
 */
export function convert(quantity: Quantity, unit: string): number {
  const spec = parseUnit(unit);
  if (!sameDimension(quantity.dim, spec.dim)) {
    throw new EngineError(
      "dimension-mismatch",
      `Cannot convert ${describeDimension(quantity.dim).phrase} to “${unit}”, which is ${describeDimension(spec.dim).phrase}.`,
    );
  }
  return quantity.value / spec.factor;
}
