import {
  BANDWIDTH,
  COUNT,
  DATA,
  type Dimension,
  MONEY,
  RATE,
  TIME,
  dimensionOf,
  isDimensionless,
} from "./dimension.ts";
import { EngineError } from "./engine-error.ts";

/**
 * One unit word: how many base units (bytes, seconds, dollars, plain count) it is worth, its dimension,
 * the count label it carries ("requests" for QPS), the symbol it is displayed with, and what is left of it
 * without the label ("/s" for QPS, "" for "users").
 */
export type UnitEntry = {
  readonly factor: number;
  readonly dim: Dimension;
  readonly label: string;
  readonly symbol: string;
  readonly compact: string;
  /** Long words ("Seconds", "Users") match whatever their case; symbols (MB vs Mb vs mb) never do. */
  readonly anyCase: boolean;
};

/**
 * A parsed unit expression ("MB/s", "requests/day", "$/GB/month", ""): its factor to base units, dimension, count
 * label, the text to display it with, and that text without count labels ("/day" for "requests/day").
 */
export type UnitSpec = {
  readonly factor: number;
  readonly dim: Dimension;
  readonly label: string;
  readonly text: string;
  readonly compactText: string;
};

const SYMBOLS = new Map<string, UnitEntry>();

function define(
  names: readonly string[],
  factor: number,
  dim: Dimension,
  symbol: string,
  options: { label?: string; compact?: string; anyCase?: boolean } = {},
): void {
  const entry: UnitEntry = {
    factor,
    dim,
    label: options.label ?? "",
    symbol,
    compact: options.compact ?? symbol,
    anyCase: options.anyCase ?? false,
  };
  for (const name of names) SYMBOLS.set(name, entry);
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

// Labelled counts: dimensionless for conversion, kept for display. Each line is the display label and the
// other spellings that mean it.
const LABELS: readonly (readonly string[])[] = [
  ["requests", "request", "req", "reqs"],
  ["queries", "query"],
  ["users", "user", "DAU", "MAU"],
  ["messages", "message", "msgs", "msg"],
  ["events", "event"],
  ["items", "item"],
  ["servers", "server"],
  ["nodes", "node"],
  ["replicas", "replica"],
  ["shards", "shard"],
  ["partitions", "partition"],
  ["connections", "connection", "conns", "conn"],
  ["writes", "write"],
  ["reads", "read"],
  ["posts", "post"],
  ["followers", "follower"],
  ["photos", "photo"],
  ["videos", "video"],
  ["files", "file"],
  ["objects", "object"],
  ["keys", "key"],
  ["rows", "row"],
  ["records", "record"],
  ["tweets", "tweet"],
  ["notifications", "notification", "notifs", "notif"],
  ["clicks", "click"],
  ["views", "view"],
  ["sessions", "session"],
  ["devices", "device"],
  ["drivers", "driver"],
  ["riders", "rider"],
  ["rides", "ride"],
  ["orders", "order"],
  ["transactions", "transaction", "txns", "txn"],
  ["jobs", "job"],
  ["tasks", "task"],
  ["workers", "worker"],
  ["machines", "machine"],
  ["hosts", "host"],
  ["instances", "instance"],
  ["pods", "pod"],
  ["brokers", "broker"],
  ["cores", "core"],
  ["CPUs", "CPU"],
  ["VMs", "VM"],
  ["containers", "container"],
  ["calls", "call"],
  ["operations", "operation", "ops", "op"],
  ["hits", "hit"],
  ["misses", "miss"],
  ["lookups", "lookup"],
  ["uploads", "upload"],
  ["downloads", "download"],
  ["chunks", "chunk"],
  ["blocks", "block"],
  ["pages", "page"],
  ["documents", "document", "docs", "doc"],
  ["vectors", "vector"],
  ["URLs", "URL"],
  ["links", "link"],
  ["IDs", "ID"],
  ["entries", "entry"],
  ["tokens", "token"],
  ["packets", "packet"],
  ["segments", "segment"],
  ["streams", "stream"],
  ["viewers", "viewer"],
  ["accounts", "account"],
  ["customers", "customer"],
  ["people", "person"],
  ["visits", "visit"],
  ["visitors", "visitor"],
  ["likes", "like"],
  ["comments", "comment"],
  ["stories", "story"],
  ["emails", "email"],
  ["pushes", "push"],
  ["pings", "ping"],
  ["updates", "update"],
  ["deliveries", "delivery"],
  ["hops", "hop"],
  ["renders", "render"],
  ["titles", "title"],
  ["regions", "region"],
  ["zones", "zone", "AZs", "AZ"],
  ["racks", "rack"],
  ["disks", "disk"],
  ["drives", "drive"],
  ["SSDs", "SSD"],
  ["copies", "copy"],
  ["threads", "thread"],
  ["processes", "process"],
  ["actions", "action"],
  ["opens", "open"],
  ["searches", "search"],
  ["votes", "vote"],
  ["answers", "answer"],
  ["questions", "question"],
  ["collisions", "collision"],
  ["failures", "failure"],
  ["errors", "error"],
  ["retries", "retry"],
  ["appliances", "appliance", "OCAs", "OCA"],
  ["cells", "cell"],
  ["candidates", "candidate"],
  ["members", "member"],
  ["groups", "group"],
  ["channels", "channel"],
  ["topics", "topic"],
  ["consumers", "consumer"],
  ["producers", "producer"],
  ["subscribers", "subscriber"],
  ["recipients", "recipient"],
  ["sends", "send"],
  ["gateways", "gateway"],
  ["caches", "cache"],
  ["databases", "database", "DBs", "DB"],
  ["tables", "table"],
  ["indexes", "index"],
  ["queues", "queue"],
  ["lines", "line"],
  ["times", "time"],
  ["steps", "step"],
  ["bugs", "bug"],
];
for (const [label, ...others] of LABELS) {
  if (label === undefined) continue;
  define([label, ...others], 1, COUNT, label, { label, compact: "", anyCase: true });
}

/** Magnitude words a number may carry: 46k, 46K, 4.6M, 3bn, 1.2T, 46 thousand, 3 million, 2 billion. */
const MAGNITUDES = new Map<string, number>([
  ["k", 1e3],
  ["K", 1e3],
  ["M", 1e6],
  ["bn", 1e9],
  ["Bn", 1e9],
  ["BN", 1e9],
  ["T", 1e12],
]);
const MAGNITUDE_WORDS = new Map<string, number>([
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
]);

/** The factor of a magnitude word ("k" → 1000, "million" → 1e6), or 0 when the word is not one. */
export function magnitudeOf(word: string): number {
  const direct = MAGNITUDES.get(word);
  if (direct !== undefined) return direct;
  if (word.length < 7) return 0;
  return MAGNITUDE_WORDS.get(word) ?? MAGNITUDE_WORDS.get(word.toLowerCase()) ?? 0;
}

/** The unit a word names, or undefined. `m` is not a unit here: it is minutes or million depending on context. */
export function lookupUnit(word: string): UnitEntry | undefined {
  const direct = SYMBOLS.get(word);
  if (direct !== undefined) return direct;
  if (word.length < 2) return undefined;
  const folded = SYMBOLS.get(word.toLowerCase());
  return folded !== undefined && folded.anyCase ? folded : undefined;
}

const MINUTE = SYMBOLS.get("min");

export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xb5 || c === 0x3bc;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function skipSpaces(src: string, i: number): number {
  let j = i;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 10 && c !== 13 && c !== 0x202f) break;
    j++;
  }
  return j;
}

/** The end of the word starting at i ("$", "%" and "×" are one-character words). */
export function wordEnd(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 36 || c === 37 || c === 0xd7) return i + 1; // $ % ×
  let j = i;
  while (j < src.length && isWordChar(src.charCodeAt(j))) j++;
  return j;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Reads superscript digits (with an optional ⁻) at i: the exponent and where it ends, or null. */
export function readSuperscript(src: string, i: number): { value: number; end: number } | null {
  const first = src.charCodeAt(i);
  // ¹ ² ³ sit in Latin-1; ⁰ and ⁴…⁹ and ⁻ at U+2070…U+207B.
  if (!(first === 0xb9 || first === 0xb2 || first === 0xb3 || (first >= 0x2070 && first <= 0x207b))) return null;
  let j = i;
  let negative = false;
  if (src.charCodeAt(j) === 0x207b) {
    negative = true;
    j++;
  }
  let value = 0;
  const start = j;
  while (j < src.length) {
    const digit = SUPERSCRIPT_DIGITS.indexOf(src.charAt(j));
    if (digit < 0) break;
    value = value * 10 + digit;
    j++;
  }
  if (j === start) return null;
  return { value: negative ? -value : value, end: j };
}

/** The result of scanning a unit expression inside a longer text. `error` is set when it could not be read. */
export type UnitScan = {
  factor: number;
  data: number;
  time: number;
  money: number;
  label: string;
  text: string;
  compactText: string;
  parts: number;
  end: number;
  error: string | null;
};

const NO_UNIT: UnitScan[] = [];

function noUnitAt(end: number): UnitScan {
  // One frozen "no unit" result per end position seen, so the common case allocates nothing.
  const cached = NO_UNIT[end];
  if (cached !== undefined) return cached;
  const scan: UnitScan = Object.freeze({
    factor: 1,
    data: 0,
    time: 0,
    money: 0,
    label: "",
    text: "",
    compactText: "",
    parts: 0,
    end,
    error: null,
  });
  if (end < 4096) NO_UNIT[end] = scan;
  return scan;
}

/**
 * Scans a unit expression at `start`: words joined by `/`, `per`, `·`, `*`, `-` (GB-month) or a space
 * (requests per second), each optionally raised to an integer power (`s^2`). Stops at anything that is not a unit
 * word, at the word `to` (a range), and at `-` before a digit (a range). `minutes` says whether a lone `m` means
 * minutes here (a time is expected); otherwise `m` is not read as a unit.
 *
 * Count labels after a `/` are kept in `text` but dropped from `label` (requests per user counts requests).
 */
export function scanUnitExpression(src: string, start: number, minutes: boolean): UnitScan {
  const next = src.charCodeAt(skipSpaces(src, start));
  // Most answers end right after their number: skip the allocation when nothing here can start a unit.
  if (!(isWordChar(next) || next === 47 || next === 36 || next === 37 || next === 0xd7)) return noUnitAt(start);
  const scan: UnitScan = {
    factor: 1,
    data: 0,
    time: 0,
    money: 0,
    label: "",
    text: "",
    compactText: "",
    parts: 0,
    end: start,
    error: null,
  };
  let i = start;
  let lastSign = 1;
  for (;;) {
    let j = skipSpaces(src, i);
    const spaced = j > i;
    const c = src.charCodeAt(j);
    let sign = 1;
    let explicit = false;
    if (c === 47 /* / */) {
      sign = -1;
      explicit = true;
      j = skipSpaces(src, j + 1);
    } else if (c === 112 /* p */ && src.startsWith("per", j) && !isWordChar(src.charCodeAt(j + 3))) {
      sign = -1;
      explicit = true;
      j = skipSpaces(src, j + 3);
    } else if (scan.parts > 0 && (c === 0xb7 || c === 42) /* · * */) {
      const k = skipSpaces(src, j + 1);
      if (!isWordChar(src.charCodeAt(k)) && src.charCodeAt(k) !== 36) break;
      // "$/GB·month" and "$/GB-month" are per GB-month: a joined word stays on the side of the one before it.
      sign = lastSign;
      explicit = true;
      j = k;
    } else if (scan.parts > 0 && c === 45 /* - */ && isWordChar(src.charCodeAt(j + 1))) {
      sign = lastSign;
      explicit = true;
      j = j + 1;
    } else if (scan.parts > 0 && !spaced) {
      break;
    }
    const end = wordEnd(src, j);
    if (end === j) {
      if (explicit) {
        scan.error = `expected a unit after “${src.slice(i, j).trim()}”`;
        scan.end = j;
      }
      break;
    }
    const word = src.slice(j, end);
    if (!explicit && (word === "to" || word === "TO" || word === "To")) break;
    const entry = word === "m" && minutes ? MINUTE : lookupUnit(word);
    if (entry === undefined) {
      scan.error = `“${word}” is not a unit Envelope knows`;
      scan.end = j;
      return scan;
    }
    let power = 1;
    let after = end;
    if (src.charCodeAt(after) === 94 /* ^ */) {
      let k = after + 1;
      const negative = src.charCodeAt(k) === 45;
      if (negative) k++;
      let value = 0;
      const digitsStart = k;
      while (isDigit(src.charCodeAt(k))) value = value * 10 + (src.charCodeAt(k++) - 48);
      if (k > digitsStart) {
        power = negative ? -value : value;
        after = k;
      }
    } else {
      const superscript = readSuperscript(src, after);
      if (superscript !== null) {
        power = superscript.value;
        after = superscript.end;
      }
    }
    lastSign = sign;
    const exponent = sign * power;
    scan.factor *= exponent === 1 ? entry.factor : entry.factor ** exponent;
    scan.data += entry.dim.data * exponent;
    scan.time += entry.dim.time * exponent;
    scan.money += entry.dim.money * exponent;
    if (exponent > 0 && scan.label === "" && entry.label !== "") scan.label = entry.label;
    const shown = power === 1 ? entry.symbol : `${entry.symbol}^${power}`;
    const compact = power === 1 ? entry.compact : entry.compact === "" ? "" : `${entry.compact}^${power}`;
    if (sign < 0) {
      scan.text += `/${shown}`;
      if (compact !== "") scan.compactText += `/${compact}`;
    } else {
      scan.text += scan.parts === 0 ? shown : `·${shown}`;
      if (compact !== "") {
        scan.compactText +=
          scan.compactText === "" || scan.compactText === "$" || compact.startsWith("/") ? compact : `·${compact}`;
      }
    }
    scan.parts++;
    i = after;
    scan.end = after;
  }
  return scan;
}

const unitCache = new Map<string, UnitSpec>();

/**
 * Parses a unit expression written by an author or a caller: "MB/s", "Gbps", "requests/day", "servers", "ms",
 * "$/month", "$/GB/month", "%", or "" for a plain number. `B` is bytes and `b` bits here; `m` is not a unit.
 * Cached by string.
 * @throws EngineError (`unknown-unit`) on a word that is not a unit, (`syntax`) on anything else unreadable.
 * @example parseUnit("MB/s") // { factor: 1e6, dim: BANDWIDTH, label: "", text: "MB/s", compactText: "MB/s" }
 */
export function parseUnit(text: string): UnitSpec {
  const cached = unitCache.get(text);
  if (cached !== undefined) return cached;
  const trimmed = text.trim();
  let spec: UnitSpec;
  if (trimmed === "") {
    spec = { factor: 1, dim: COUNT, label: "", text: "", compactText: "" };
  } else {
    const scan = scanUnitExpression(trimmed, 0, false);
    if (scan.error !== null) {
      throw new EngineError(
        scan.error.includes("not a unit") ? "unknown-unit" : "syntax",
        `Cannot read the unit “${trimmed}”: ${scan.error}.`,
        scan.end,
      );
    }
    const rest = skipSpaces(trimmed, scan.end);
    if (rest < trimmed.length || scan.parts === 0) {
      throw new EngineError("syntax", `Cannot read the unit “${trimmed}” after “${trimmed.slice(0, rest)}”.`, rest);
    }
    spec = {
      factor: scan.factor,
      dim: dimensionOf(scan.data, scan.time, scan.money),
      label: scan.label,
      text: trimmed,
      compactText: scan.compactText,
    };
  }
  if (unitCache.size > 5_000) unitCache.clear();
  unitCache.set(text, spec);
  return spec;
}

const baseUnitCache = new Map<string, UnitSpec>();

/**
 * The unit a quantity of this dimension is read in when no unit was asked for: counts and rates per second with
 * their label, bytes, seconds, dollars, dollars per month for costs and dollars per GB per month for storage prices.
 */
export function defaultUnitFor(dim: Dimension, label: string): UnitSpec {
  const key = `${dim.data},${dim.time},${dim.money},${label}`;
  const cached = baseUnitCache.get(key);
  if (cached !== undefined) return cached;
  let spec: UnitSpec;
  const { data, time, money } = dim;
  if (isDimensionless(dim)) spec = parseUnit(label);
  else if (data === 0 && time === -1 && money === 0) spec = label === "" ? unitFromText("/s", dim, "") : parseUnit(`${label}/s`);
  else if (data === 1 && time === 0 && money === 0) spec = parseUnit("B");
  else if (data === 1 && time === -1 && money === 0) spec = parseUnit("B/s");
  else if (data === 0 && time === 1 && money === 0) spec = parseUnit("s");
  else if (data === 0 && time === 0 && money === 1) spec = parseUnit("$");
  else if (data === 0 && time === -1 && money === 1) spec = parseUnit("$/month");
  else if (data === -1 && time === -1 && money === 1) spec = parseUnit("$/GB/month");
  else if (data === -1 && time === 0 && money === 1) spec = parseUnit("$/GB");
  else spec = unitFromText(baseUnitText(dim), dim, label);
  baseUnitCache.set(key, spec);
  return spec;
}

function unitFromText(text: string, dim: Dimension, label: string): UnitSpec {
  return { factor: 1, dim, label, text, compactText: text };
}

/** The dimension written in base units: "B^2/s", "1/s^2". Used for dimensions without a familiar name. */
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
