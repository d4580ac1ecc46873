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
// lower-case b is bits; "mb", "gb" and "tb" follow the letter: bits.
const DECIMAL: readonly (readonly [string, string, number])[] = [
  ["K", "k", 1e3],
  ["M", "m", 1e6],
  ["G", "g", 1e9],
  ["T", "t", 1e12],
  ["P", "p", 1e15],
  ["E", "e", 1e18],
];
define(["B"], 1, DATA, "B");
define(["byte", "bytes"], 1, DATA, "B", { anyCase: true });
define(["b"], 1 / 8, DATA, "b");
define(["bit", "bits"], 1 / 8, DATA, "b", { anyCase: true });
define(["bps"], 1 / 8, BANDWIDTH, "bps");
define(["Bps"], 1, BANDWIDTH, "B/s");
for (const [upper, lower, factor] of DECIMAL) {
  define([`${upper}B`, ...(upper === "K" ? ["kB"] : [])], factor, DATA, `${upper}B`);
  define([`${upper}b`, `${lower}b`, `${upper}bit`], factor / 8, DATA, `${upper}b`);
  define([`${upper}bps`, `${lower}bps`], factor / 8, BANDWIDTH, `${upper}bps`);
  define([`${upper}Bps`, ...(upper === "K" ? ["kBps"] : [])], factor, BANDWIDTH, `${upper}B/s`);
}
for (const [index, prefix] of ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"].entries()) {
  define([`${prefix}B`], 1024 ** (index + 1), DATA, `${prefix}B`);
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
