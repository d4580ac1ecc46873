import { type Dimension, isDimensionless } from "../dimension.ts";
import { EngineError } from "../engine-error.ts";
import { skipSpaces } from "../reader/scanner.ts";
import { ANSWER_UNITS, readUnit } from "./read-unit.ts";
import { PLAIN_UNIT, type Unit } from "./unit.ts";

const unitCache = new Map<string, Unit>();

/**
 * Parses a unit expression written by an author or a caller: "MB/s", "Gbps", "requests/day", "servers", "ms",
 * "$/month", "$/GB/month", "%", or "" for a plain number. `B` is bytes and `b` bits here; `m` is not a unit.
 * Cached by string.
 * @throws EngineError (`unknown-unit`) on a word that is not a unit, (`syntax`) on anything else unreadable.
 * @example parseUnit("MB/s") // { factor: 1e6, dim: BANDWIDTH, label: "", text: "MB/s", compactText: "MB/s" }
 */
export function parseUnit(text: string): Unit {
  const cached = unitCache.get(text);
  if (cached !== undefined) return cached;
  const trimmed = text.trim();
  let unit: Unit;
  if (trimmed === "") {
    unit = PLAIN_UNIT;
  } else {
    const read = readUnit(trimmed, 0, ANSWER_UNITS);
    if (read.error !== null) {
      throw new EngineError(
        read.error.includes("not a unit") ? "unknown-unit" : "syntax",
        `Cannot read the unit “${trimmed}”: ${read.error}.`,
        read.end,
      );
    }
    const rest = skipSpaces(trimmed, read.end);
    if (rest < trimmed.length || read.unit === null) {
      throw new EngineError("syntax", `Cannot read the unit “${trimmed}” after “${trimmed.slice(0, rest)}”.`, rest);
    }
    // Shown as the author wrote it ("requests/day"), not as the words were read.
    unit = { ...read.unit, text: trimmed };
  }
  if (unitCache.size > 5_000) unitCache.clear();
  unitCache.set(text, unit);
  return unit;
}

const baseUnitCache = new Map<string, Unit>();

/**
 * The unit a quantity of this dimension is read in when no unit was asked for: counts and rates per second with
 * their label, bytes, seconds, dollars, dollars per month for costs and dollars per GB per month for storage prices;
 * any other dimension in base units ("B^2/s").
 * @example defaultUnitFor(RATE, "requests").text // "requests/s"
 */
export function defaultUnitFor(dim: Dimension, label: string): Unit {
  const key = `${dim.data},${dim.time},${dim.money},${label}`;
  const cached = baseUnitCache.get(key);
  if (cached !== undefined) return cached;
  let unit: Unit;
  const { data, time, money } = dim;
  if (isDimensionless(dim)) unit = parseUnit(label);
  else if (data === 0 && time === -1 && money === 0)
    unit = label === "" ? unitFromText("/s", dim, "") : parseUnit(`${label}/s`);
  else if (data === 1 && time === 0 && money === 0) unit = parseUnit("B");
  else if (data === 1 && time === -1 && money === 0) unit = parseUnit("B/s");
  else if (data === 0 && time === 1 && money === 0) unit = parseUnit("s");
  else if (data === 0 && time === 0 && money === 1) unit = parseUnit("$");
  else if (data === 0 && time === -1 && money === 1) unit = parseUnit("$/month");
  else if (data === -1 && time === -1 && money === 1) unit = parseUnit("$/GB/month");
  else if (data === -1 && time === 0 && money === 1) unit = parseUnit("$/GB");
  else unit = unitFromText(baseUnitText(dim), dim, label);
  baseUnitCache.set(key, unit);
  return unit;
}

function unitFromText(text: string, dim: Dimension, label: string): Unit {
  return { factor: 1, dim, label, text, compactText: text };
}

/**
 * The dimension written in base units, money first: "B^2/s", "1/s^2", "" for a count. Used for dimensions without a
 * familiar name.
 * @example baseUnitText(dimensionOf(2, -1, 0)) // "B^2/s"
 */
export function baseUnitText(dim: Dimension): string {
  const top: string[] = [];
  const bottom: string[] = [];
  const put = (symbol: string, e: number): void => {
    if (e > 0) top.push(e === 1 ? symbol : `${symbol}^${e}`);
    if (e < 0) bottom.push(e === -1 ? symbol : `${symbol}^${-e}`);
  };
  put("$", dim.money);
  put("B", dim.data);
  put("s", dim.time);
  const head = top.length === 0 ? (bottom.length === 0 ? "" : "1") : top.join("·");
  return bottom.length === 0 ? head : `${head}/${bottom.join("/")}`;
}
