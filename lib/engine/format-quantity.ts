import { describeDimension, isDimensionless, sameDimension } from "./dimension.ts";
import { EngineError } from "./engine-error.ts";
import { formatCompact, formatDisplay, formatSignificant } from "./number-format.ts";
import type { Quantity } from "./quantity.ts";
import { baseUnitText, parseUnit } from "./units/parse-unit.ts";
import type { Unit } from "./units/unit.ts";

/**
 * Writes a formatted number with a unit text the way people write it: "$500/month" (a leading `$` goes before
 * the number), "99.9%", "3×", "46k/s" (a unit that starts with `/` follows directly), "34.7 MB/s" (a space otherwise).
 */
export function attachUnit(numberText: string, unitText: string): string {
  if (unitText === "") return numberText;
  if (numberText === "1" && /^[a-z]{3,}s$/.test(unitText)) return `1 ${singular(unitText)}`;
  const first = unitText.charAt(0);
  if (first === "$") {
    return numberText.startsWith("-")
      ? `-$${numberText.slice(1)}${unitText.slice(1)}`
      : `$${numberText}${unitText.slice(1)}`;
  }
  if (first === "%" || first === "/" || first === "×") return numberText + unitText;
  return `${numberText} ${unitText}`;
}

/** "copies" → "copy", "batches" → "batch", "nodes" → "node": a count word after exactly 1. */
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

type Scale = readonly [factor: number, symbol: string];

const DATA_SCALES: readonly Scale[] = [
  [1e18, "EB"],
  [1e15, "PB"],
  [1e12, "TB"],
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "KB"],
  [1, "B"],
];

function pickScale(ax: number, scales: readonly Scale[]): Scale {
  for (const scale of scales) if (ax >= scale[0] * 0.99995) return scale;
  const last = scales[scales.length - 1];
  return last ?? [1, ""];
}

function timeScale(ax: number): Scale {
  if (ax < 1e-6) return [1e-9, "ns"];
  if (ax < 1e-3) return [1e-6, "µs"];
  if (ax < 1) return [1e-3, "ms"];
  if (ax < 120) return [1, "s"];
  if (ax < 7_200) return [60, "min"];
  if (ax < 172_800) return [3_600, "h"];
  if (ax < 31_536_000) return [86_400, "days"];
  return [31_536_000, "years"];
}

type FormatOptions = { readonly unit?: string; readonly sig?: number };

function number(x: number, sig: number | undefined): string {
  return sig === undefined ? formatDisplay(x) : formatSignificant(x, sig);
}

/** Counts and money from a million (money: a thousand) up get a magnitude suffix: "2.66M users", "$100k". */
function countText(x: number, sig: number | undefined, from: number): string {
  return formatCompact(x, sig === undefined ? formatDisplay : (v) => formatSignificant(v, sig), from);
}

function autoText(value: number, q: Quantity, sig: number | undefined): string {
  const { dim, label } = q;
  const { data, time, money } = dim;
  const ax = Math.abs(value);
  if (isDimensionless(dim)) return attachUnit(countText(value, sig, 1e6), label);
  if (data === 0 && money === 0 && time === -1) {
    return attachUnit(countText(value, sig, 1e6), label === "" ? "/s" : `${label}/s`);
  }
  if (data === 1 && money === 0 && (time === 0 || time === -1)) {
    const [factor, symbol] = pickScale(ax, DATA_SCALES);
    return `${number(value / factor, sig)} ${time === 0 ? symbol : `${symbol}/s`}`;
  }
  if (data === 0 && money === 0 && time === 1) {
    const [factor, symbol] = timeScale(ax);
    const shown = number(value / factor, sig);
    const unit = shown === "1" && symbol.endsWith("s") && symbol.length > 2 ? symbol.slice(0, -1) : symbol;
    return `${shown} ${unit}`;
  }
  if (data === 0 && time === 0 && money === 1) return attachUnit(countText(value, sig, 1e3), "$");
  if (data === 0 && time === -1 && money === 1) return attachUnit(countText(value * 2_592_000, sig, 1e3), "$/month");
  if (data === -1 && time === -1 && money === 1) return attachUnit(number(value * 1e9 * 2_592_000, sig), "$/GB/month");
  if (data === -1 && time === 0 && money === 1) return attachUnit(number(value * 1e9, sig), "$/GB");
  return attachUnit(number(value, sig), baseUnitText(dim));
}

function checkDimension(q: Quantity, spec: Unit, unit: string): void {
  if (!sameDimension(q.dim, spec.dim)) {
    throw new EngineError(
      "dimension-mismatch",
      `Cannot express ${describeDimension(q.dim).phrase} in “${unit}”, which is ${describeDimension(spec.dim).phrase}.`,
    );
  }
}

/**
 * A quantity as people read it. With `unit`, in that unit ("MB/s", "Gbps", "$/month", "" for a plain number);
 * without, in a unit picked from its dimension: the largest decimal data prefix (182.5 TB), bandwidth in bytes per
 * second (34.7 MB/s), rates per second with their label (46,296 requests/s), times in ns … years, money with a
 * magnitude suffix ($100k), costs per month ($100k/month), storage prices per GB per month ($0.023/GB/month).
 *
 * Numbers follow the display rule (whole numbers from 1,000 up, 34.7, 1.4, 0.023) unless `sig` asks for a number of
 * significant figures. A range is written "low to high".
 * @throws EngineError when `unit` is unknown or of another dimension.
 * @example formatQuantity(evaluate("3 TB/day")) // "34.7 MB/s"
 * @example formatQuantity(evaluate("3 TB/day"), { unit: "MB/s", sig: 4 }) // "34.72 MB/s"
 */
export function formatQuantity(q: Quantity, options: FormatOptions = {}): string {
  const { unit, sig } = options;
  if (unit !== undefined) {
    const spec = parseUnit(unit);
    checkDimension(q, spec, unit);
    if (q.range !== null) {
      const low = number(q.range.low / spec.factor, sig);
      const high = number(q.range.high / spec.factor, sig);
      return spec.text.startsWith("$")
        ? `${attachUnit(low, spec.text)} to ${attachUnit(high, spec.text)}`
        : attachUnit(`${low} to ${high}`, spec.text);
    }
    return attachUnit(number(q.value / spec.factor, sig), spec.text);
  }
  if (q.range !== null) {
    return `${autoText(q.range.low, q, sig)} to ${autoText(q.range.high, q, sig)}`;
  }
  return autoText(q.value, q, sig);
}

/**
 * A quantity in a unit, shortened for prose: magnitude suffixes from 10,000 up and no count label, two significant
 * figures ("46k/s", "4bn", "$100k/month"), or null when that would say nothing the full form does not.
 */
export function formatApproximate(q: Quantity, spec: Unit): string | null {
  const v = q.value / spec.factor;
  if (Math.abs(v) < 1e4 || !Number.isFinite(v)) return null;
  return attachUnit(
    formatCompact(v, (x) => formatSignificant(x, 2)),
    spec.compactText,
  );
}
