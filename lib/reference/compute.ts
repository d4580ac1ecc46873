import { evaluate, formatQuantity } from "@/lib/engine";

/** A figure worked out by the engine: the text shown and the value in SI base units (bytes, seconds, dollars). */
export type Computed = { readonly text: string; readonly value: number };

type FormatOptions = { readonly unit?: string; readonly sig?: number };

/**
 * Evaluates `expression` with the engine and formats the result, so no derived number on the sheet is typed by hand.
 * @example compute("(1 - 99.9%) * 1 year") // { text: "8.76 h", value: 31536 }
 */
export function compute(expression: string, options: FormatOptions = {}): Computed {
  const quantity = evaluate(expression);
  return { text: formatQuantity(quantity, options), value: quantity.value };
}

/** Two ends of a measured range in one unit: "63.6–92.5 ns". */
export function computeRange(low: string, high: string, unit: string): { text: string; low: number; high: number } {
  const a = compute(low, { unit });
  const b = compute(high, { unit });
  const suffix = a.text.replace(/^[\d.,]+/, "");
  return { text: `${a.text.slice(0, a.text.length - suffix.length)}–${b.text}`, low: a.value, high: b.value };
}

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** An exact whole number with thousands separators, for values the display rule would round (2^50). */
export function formatWhole(value: number): string {
  return WHOLE.format(value);
}
