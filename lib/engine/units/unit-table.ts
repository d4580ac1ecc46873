import { BANDWIDTH, COUNT, DATA, type Dimension, MONEY, RATE, TIME } from "../dimension.ts";
import { COUNT_LABELS } from "./count-labels.ts";
import type { Unit } from "./unit.ts";

const UNITS = new Map<string, Unit>();
/** The words that match whatever their case: long words ("Seconds", "Users"); symbols (MB vs Mb vs mb) never do. */
const ANY_CASE = new Set<string>();

function define(
  names: readonly string[],
  factor: number,
  dim: Dimension,
  symbol: string,
  options: { label?: string; compact?: string; anyCase?: boolean } = {},
): void {
  const unit: Unit = { factor, dim, label: options.label ?? "", text: symbol, compactText: options.compact ?? symbol };
  for (const name of names) {
    UNITS.set(name, unit);
    if (options.anyCase === true) ANY_CASE.add(name);
    else ANY_CASE.delete(name);
  }
}

// Data: decimal prefixes by default (1 KB = 1000 B), binary only when written (KiB). Upper-case B is bytes,
// lower-case b is bits; "mb", "gb" and "tb" follow the letter: bits. Spelled out ("megabytes", "gigabits") in any
// case, and the plurals people write ("TBs", "Gbits").
const DECIMAL: readonly (readonly [string, string, number, string])[] = [
  ["K", "k", 1e3, "kilo"],
  ["M", "m", 1e6, "mega"],
  ["G", "g", 1e9, "giga"],
  ["T", "t", 1e12, "tera"],
  ["P", "p", 1e15, "peta"],
  ["E", "e", 1e18, "exa"],
];
const BINARY: readonly (readonly [string, string])[] = [
  ["Ki", "kibi"],
  ["Mi", "mebi"],
  ["Gi", "gibi"],
  ["Ti", "tebi"],
  ["Pi", "pebi"],
  ["Ei", "exbi"],
];
/** What a data word is with its prefix taken off: "GB" → "B", "Gbps" → "bps", "MiB" → "iB", "megabytes" → "B". */
const DATA_STEMS = new Map<string, string>();

function defineData(names: readonly string[], factor: number, dim: Dimension, symbol: string, stem: string): void {
  define(names, factor, dim, symbol);
  for (const name of names) DATA_STEMS.set(name, stem);
}

function defineSpelled(names: readonly string[], factor: number, symbol: string, stem: string): void {
  define(names, factor, DATA, symbol, { anyCase: true });
  for (const name of names) DATA_STEMS.set(name, stem);
}

defineData(["B"], 1, DATA, "B", "B");
defineSpelled(["byte", "bytes"], 1, "B", "B");
defineData(["b"], 1 / 8, DATA, "b", "b");
defineSpelled(["bit", "bits"], 1 / 8, "b", "b");
defineData(["bps"], 1 / 8, BANDWIDTH, "bps", "bps");
defineData(["Bps"], 1, BANDWIDTH, "B/s", "Bps");
for (const [upper, lower, factor, spelled] of DECIMAL) {
  const kilo = upper === "K";
  defineData([`${upper}B`, `${upper}Bs`, ...(kilo ? ["kB", "kBs"] : [])], factor, DATA, `${upper}B`, "B");
  defineData([`${upper}b`, `${lower}b`, `${upper}bit`, `${upper}bits`], factor / 8, DATA, `${upper}b`, "b");
  defineData([`${upper}bps`, `${lower}bps`], factor / 8, BANDWIDTH, `${upper}bps`, "bps");
  defineData([`${upper}Bps`, ...(kilo ? ["kBps"] : [])], factor, BANDWIDTH, `${upper}B/s`, "Bps");
  defineSpelled([`${spelled}byte`, `${spelled}bytes`], factor, `${upper}B`, "B");
  defineSpelled([`${spelled}bit`, `${spelled}bits`], factor / 8, `${upper}b`, "b");
}
for (const [index, [prefix, spelled]] of BINARY.entries()) {
  defineData([`${prefix}B`, `${prefix}Bs`], 1024 ** (index + 1), DATA, `${prefix}B`, "iB");
  defineSpelled([`${spelled}byte`, `${spelled}bytes`], 1024 ** (index + 1), `${prefix}B`, "iB");
}

/**
 * The data unit word `word` with its prefix replaced by the letter `prefix` (K, M, G, T, P or E), keeping bytes or
 * bits, per second or not, decimal or binary: ("GB", "M") → "MB", ("Gbps", "T") → "Tbps", ("GiB", "M") → "MiB",
 * ("bytes", "K") → "KB". Undefined when `word` is not a data unit. This is how "500M" reads on a step asked in GB.
 * @example withDataPrefix("TB", "G") // "GB"
 */
export function withDataPrefix(word: string, prefix: string): string | undefined {
  const stem =
    DATA_STEMS.get(word) ?? (lookupUnit(word) === undefined ? undefined : DATA_STEMS.get(word.toLowerCase()));
  if (stem === undefined) return undefined;
  if (stem === "iB") return `${prefix}iB`;
  return `${prefix}${stem}`;
}

// Time: a month is 30 days and a year 365 days (the conventions of the course's worked calculations).
define(["ns", "nsec"], 1e-9, TIME, "ns");
define(["nanosecond", "nanoseconds"], 1e-9, TIME, "ns", { anyCase: true });
define(["µs", "μs", "us", "usec"], 1e-6, TIME, "µs");
define(["microsecond", "microseconds"], 1e-6, TIME, "µs", { anyCase: true });
define(["ms", "msec"], 1e-3, TIME, "ms");
define(["millisecond", "milliseconds"], 1e-3, TIME, "ms", { anyCase: true });
define(["s"], 1, TIME, "s");
define(["sec", "secs", "second", "seconds"], 1, TIME, "s", { anyCase: true });
define(["min", "mins", "minute", "minutes"], 60, TIME, "min", { anyCase: true });
define(["h"], 3600, TIME, "h");
define(["hr", "hrs", "hour", "hours"], 3600, TIME, "h", { anyCase: true });
define(["d"], 86_400, TIME, "day");
define(["day", "days"], 86_400, TIME, "day", { anyCase: true });
define(["wk", "wks", "week", "weeks"], 604_800, TIME, "week", { anyCase: true });
define(["mo", "mos", "month", "months"], 2_592_000, TIME, "month", { anyCase: true });
define(["y"], 31_536_000, TIME, "year");
define(["yr", "yrs", "year", "years"], 31_536_000, TIME, "year", { anyCase: true });

// Request rates.
define(["QPS", "qps", "Qps"], 1, RATE, "QPS", { label: "requests", compact: "/s" });
define(["RPS", "rps", "Rps"], 1, RATE, "RPS", { label: "requests", compact: "/s" });
define(["TPS", "tps", "Tps"], 1, RATE, "TPS", { label: "transactions", compact: "/s" });

// Money.
define(["$"], 1, MONEY, "$");
define(["USD", "usd", "dollar", "dollars"], 1, MONEY, "$", { anyCase: true });

// Dimensionless.
define(["%"], 0.01, COUNT, "%", { compact: "%" });
define(["percent"], 0.01, COUNT, "%", { compact: "%", anyCase: true });
define(["x", "×"], 1, COUNT, "×", { compact: "×" });

for (const [label, ...others] of COUNT_LABELS) {
  if (label === undefined) continue;
  define([label, ...others], 1, COUNT, label, { label, compact: "", anyCase: true });
}

/**
 * The unit a single word names, or undefined. `m` is not a unit here: it is minutes or million depending on
 * context (see {@link MINUTE}). Symbols match only as written (MB, Mb and mb differ); long words whatever their case.
 * @example lookupUnit("Gbps") // { factor: 1.25e8, dim: BANDWIDTH, label: "", text: "Gbps", compactText: "Gbps" }
 * @example lookupUnit("Seconds")?.factor // 1
 */
export function lookupUnit(word: string): Unit | undefined {
  const direct = UNITS.get(word);
  if (direct !== undefined) return direct;
  if (word.length < 2) return undefined;
  const folded = word.toLowerCase();
  return ANY_CASE.has(folded) ? UNITS.get(folded) : undefined;
}

/** The minute, for a lone `m` where a time is expected. */
export const MINUTE: Unit = UNITS.get("min") ?? { factor: 60, dim: TIME, label: "", text: "min", compactText: "min" };
