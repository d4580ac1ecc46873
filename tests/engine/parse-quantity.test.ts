import { describe, expect, test } from "vitest";
import { convert, parseQuantity, type Quantity } from "@/lib/engine";

function read(text: string, expectUnit?: string): { quantity: Quantity; read: string } {
  const result = parseQuantity(text, expectUnit === undefined ? {} : { expect: expectUnit });
  if (!result.ok) throw new Error(`expected “${text}” to parse: ${result.error}`);
  return result;
}

describe("number forms", () => {
  test.each([
    { label: "plain integer", text: "46296", value: 46_296 },
    { label: "thousands commas", text: "46,296", value: 46_296 },
    { label: "several comma groups", text: "1,000,000", value: 1e6 },
    { label: "commas and decimals", text: "46,296.5", value: 46_296.5 },
    { label: "decimal", text: "4.6", value: 4.6 },
    { label: "leading point", text: ".5", value: 0.5 },
    { label: "e-notation", text: "4.6e4", value: 46_000 },
    { label: "E-notation", text: "4.6E4", value: 46_000 },
    { label: "negative e-exponent", text: "5e-3", value: 0.005 },
    { label: "× 10^n", text: "4.6×10^4", value: 46_000 },
    { label: "x10^n", text: "4.6x10^4", value: 46_000 },
    { label: "*10^n", text: "4.6*10^4", value: 46_000 },
    { label: "× 10^n with spaces", text: "4.6 × 10^4", value: 46_000 },
    { label: "· 10^n", text: "4.6·10^4", value: 46_000 },
    { label: "superscript exponent", text: "4.6×10⁴", value: 46_000 },
    { label: "negative power of ten", text: "10^-3", value: 0.001 },
    { label: "power of ten", text: "10^5", value: 100_000 },
    { label: "power of two", text: "2^21", value: 2_097_152 },
    { label: "power with spaces", text: "1.2 ^ 18", value: 1.2 ** 18 },
    { label: "k", text: "46k", value: 46_000 },
    { label: "K", text: "46K", value: 46_000 },
    { label: "k after a space", text: "46 k", value: 46_000 },
    { label: "decimal k", text: "4.6k", value: 4_600 },
    { label: "M", text: "4.6M", value: 4.6e6 },
    { label: "B is billion when no data is expected", text: "3B", value: 3e9 },
    { label: "bn", text: "3bn", value: 3e9 },
    { label: "T is trillion", text: "1.2T", value: 1.2e12 },
    { label: "thousand", text: "46 thousand", value: 46_000 },
    { label: "million", text: "3 million", value: 3e6 },
    { label: "billion", text: "2 billion", value: 2e9 },
    { label: "trillion", text: "1.5 trillion", value: 1.5e12 },
    { label: "Million, capitalised", text: "3 Million", value: 3e6 },
    { label: "tilde", text: "~46k", value: 46_000 },
    { label: "almost-equal sign", text: "≈46k", value: 46_000 },
    { label: "about", text: "about 46k", value: 46_000 },
    { label: "approx.", text: "approx. 46k", value: 46_000 },
    { label: "roughly", text: "roughly 46k", value: 46_000 },
    { label: "percent", text: "99.9%", value: 0.999 },
    { label: "percent with a space", text: "20 %", value: 0.2 },
    { label: "fraction", text: "1/3", value: 1 / 3 },
    { label: "ratio", text: "7.5:1", value: 7.5 },
    { label: "zero", text: "0", value: 0 },
    { label: "negative", text: "-5", value: -5 },
    { label: "surrounding spaces", text: "  46k  ", value: 46_000 },
    { label: "trailing full stop", text: "46k.", value: 46_000 },
    { label: "factor suffix", text: "3x", value: 3 },
  ])("$label: “$text” → $value", ({ text, value }) => {
    expect(read(text).quantity.value).toBeCloseTo(value, 9);
  });
});

describe("units", () => {
  test.each([
    { label: "bytes", text: "500 B", unit: "B", expectUnit: "B", value: 500 },
    { label: "KB is 1000 B", text: "1 KB", unit: "B", expectUnit: "B", value: 1000 },
    { label: "kB", text: "1 kB", unit: "B", expectUnit: "B", value: 1000 },
    { label: "MB", text: "1 MB", unit: "B", expectUnit: "B", value: 1e6 },
    { label: "GB", text: "1.2 GB", unit: "MB", expectUnit: "MB", value: 1200 },
    { label: "TB", text: "1.2 TB", unit: "GB", expectUnit: "GB", value: 1200 },
    { label: "PB", text: "1 PB", unit: "TB", expectUnit: "TB", value: 1000 },
    { label: "EB", text: "10 EB", unit: "PB", expectUnit: "PB", value: 10_000 },
    { label: "KiB is binary", text: "1 KiB", unit: "B", expectUnit: "B", value: 1024 },
    { label: "MiB", text: "1 MiB", unit: "B", expectUnit: "B", value: 1024 ** 2 },
    { label: "GiB", text: "1 GiB", unit: "B", expectUnit: "B", value: 1024 ** 3 },
    { label: "TiB", text: "1 TiB", unit: "B", expectUnit: "B", value: 1024 ** 4 },
    { label: "PiB", text: "1 PiB", unit: "B", expectUnit: "B", value: 1024 ** 5 },
    { label: "EiB", text: "1 EiB", unit: "B", expectUnit: "B", value: 1024 ** 6 },
    { label: "b is bits", text: "8 b", unit: "B", expectUnit: "B", value: 1 },
    { label: "Kb", text: "8 Kb", unit: "B", expectUnit: "B", value: 1000 },
    { label: "Mb", text: "8 Mb", unit: "MB", expectUnit: "MB", value: 1 },
    { label: "Gb", text: "8 Gb", unit: "GB", expectUnit: "GB", value: 1 },
    { label: "Tb", text: "8 Tb", unit: "TB", expectUnit: "TB", value: 1 },
    { label: "Gb/s", text: "1 Gb/s", unit: "MB/s", expectUnit: "MB/s", value: 125 },
    { label: "bps", text: "8000 bps", unit: "KB/s", expectUnit: "KB/s", value: 1 },
    { label: "Kbps", text: "8 Kbps", unit: "KB/s", expectUnit: "KB/s", value: 1 },
    { label: "Mbps", text: "800 Mbps", unit: "MB/s", expectUnit: "MB/s", value: 100 },
    { label: "Gbps", text: "1.4 Gbps", unit: "MB/s", expectUnit: "MB/s", value: 175 },
    { label: "Tbps", text: "200 Tbps", unit: "TB/s", expectUnit: "TB/s", value: 25 },
    { label: "ns", text: "0.5 ns", unit: "s", expectUnit: "s", value: 0.5e-9 },
    { label: "µs", text: "10 µs", unit: "ms", expectUnit: "ms", value: 0.01 },
    { label: "μs (Greek mu)", text: "10 μs", unit: "ms", expectUnit: "ms", value: 0.01 },
    { label: "us", text: "10 us", unit: "ms", expectUnit: "ms", value: 0.01 },
    { label: "ms", text: "150 ms", unit: "s", expectUnit: "s", value: 0.15 },
    { label: "ms without a space", text: "150ms", unit: "s", expectUnit: "s", value: 0.15 },
    { label: "s", text: "80 s", unit: "s", expectUnit: "s", value: 80 },
    { label: "sec", text: "80 sec", unit: "s", expectUnit: "s", value: 80 },
    { label: "second", text: "1 second", unit: "s", expectUnit: "s", value: 1 },
    { label: "seconds", text: "80 seconds", unit: "s", expectUnit: "s", value: 80 },
    { label: "min", text: "43 min", unit: "s", expectUnit: "s", value: 2580 },
    { label: "minute", text: "1 minute", unit: "s", expectUnit: "s", value: 60 },
    { label: "minutes", text: "43 minutes", unit: "s", expectUnit: "s", value: 2580 },
    { label: "m is minutes when a time is expected", text: "43m", unit: "s", expectUnit: "s", value: 2580 },
    { label: "h", text: "10 h", unit: "s", expectUnit: "s", value: 36_000 },
    { label: "hr", text: "10 hr", unit: "s", expectUnit: "s", value: 36_000 },
    { label: "hour", text: "1 hour", unit: "s", expectUnit: "s", value: 3600 },
    { label: "hours", text: "10 hours", unit: "s", expectUnit: "s", value: 36_000 },
    { label: "day", text: "1 day", unit: "s", expectUnit: "s", value: 86_400 },
    { label: "days", text: "7 days", unit: "s", expectUnit: "s", value: 604_800 },
    { label: "d", text: "7 d", unit: "s", expectUnit: "s", value: 604_800 },
    { label: "week", text: "1 week", unit: "day", expectUnit: "day", value: 7 },
    { label: "weeks", text: "2 weeks", unit: "day", expectUnit: "day", value: 14 },
    { label: "month is 30 days", text: "1 month", unit: "day", expectUnit: "day", value: 30 },
    { label: "months", text: "18 months", unit: "day", expectUnit: "day", value: 540 },
    { label: "year is 365 days", text: "1 year", unit: "day", expectUnit: "day", value: 365 },
    { label: "years", text: "5 years", unit: "day", expectUnit: "day", value: 1825 },
    { label: "yr", text: "1 yr", unit: "day", expectUnit: "day", value: 365 },
    { label: "/s", text: "46k/s", unit: "requests/s", expectUnit: "requests/s", value: 46_000 },
    { label: "per second", text: "46k per second", unit: "requests/s", expectUnit: "requests/s", value: 46_000 },
    { label: "/day", text: "4bn/day", unit: "requests/day", expectUnit: "requests/day", value: 4e9 },
    { label: "per day", text: "4bn per day", unit: "requests/day", expectUnit: "requests/day", value: 4e9 },
    {
      label: "requests per second",
      text: "46k requests per second",
      unit: "requests/s",
      expectUnit: "requests/s",
      value: 46_000,
    },
    { label: "QPS", text: "12k QPS", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "qps", text: "12k qps", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "RPS", text: "12k RPS", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "TPS", text: "12k TPS", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "ops/s", text: "100k ops/s", unit: "requests/s", expectUnit: "requests/s", value: 100_000 },
    { label: "req/s", text: "12k req/s", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "magnitude glued to QPS", text: "12kQPS", unit: "requests/s", expectUnit: "requests/s", value: 12_000 },
    { label: "dollars", text: "$500", unit: "$", expectUnit: "$", value: 500 },
    { label: "USD", text: "500 USD", unit: "$", expectUnit: "$", value: 500 },
    { label: "$ per month", text: "$500/month", unit: "$/month", expectUnit: "$/month", value: 500 },
    { label: "$k per month", text: "$100k/month", unit: "$/month", expectUnit: "$/month", value: 100_000 },
    {
      label: "$ per year in $/month",
      text: "$12k/year",
      unit: "$/month",
      expectUnit: "$/month",
      value: 12_000 * (30 / 365),
    },
    {
      label: "$ per GB per month",
      text: "$0.023/GB/month",
      unit: "$/GB/month",
      expectUnit: "$/GB/month",
      value: 0.023,
    },
    { label: "$ per TB per month", text: "$23/TB/month", unit: "$/GB/month", expectUnit: "$/GB/month", value: 0.023 },
    { label: "GB-month", text: "$0.023/GB-month", unit: "$/GB/month", expectUnit: "$/GB/month", value: 0.023 },
  ])("$label: “$text” in $unit is $value", ({ text, unit, expectUnit, value }) => {
    const { quantity } = read(text, expectUnit);
    expect(convert(quantity, unit)).toBeCloseTo(value, 9);
  });

  test.each([
    { label: "requests", text: "46k requests/s", expected: "requests" },
    { label: "req is requests", text: "46k req/s", expected: "requests" },
    { label: "users", text: "50M users", expected: "users" },
    { label: "messages", text: "1bn msgs", expected: "messages" },
    { label: "servers", text: "21 servers", expected: "servers" },
    { label: "nodes", text: "20 nodes", expected: "nodes" },
    { label: "replicas", text: "3 replicas", expected: "replicas" },
    { label: "shards", text: "10 shards", expected: "shards" },
    { label: "partitions", text: "60 partitions", expected: "partitions" },
    { label: "connections", text: "1M connections", expected: "connections" },
    { label: "queries", text: "5 queries", expected: "queries" },
    { label: "events", text: "5 events", expected: "events" },
    { label: "items", text: "5 items", expected: "items" },
    { label: "writes", text: "50k writes/s", expected: "writes" },
    { label: "reads", text: "50k reads/s", expected: "reads" },
    { label: "posts", text: "1k posts/s", expected: "posts" },
    { label: "followers", text: "500 followers", expected: "followers" },
    { label: "singular follower", text: "1 follower", expected: "followers" },
  ])("labelled count: $label", ({ text, expected }) => {
    const { quantity } = read(text);
    expect(quantity.label).toBe(expected);
    expect(quantity.dim.data).toBe(0);
    expect(quantity.dim.money).toBe(0);
  });

  test.each([
    { label: "labels do not change the value", a: "46k requests/s", b: "46k/s" },
    { label: "users/s converts like requests/s", a: "46k users/s", b: "46k QPS" },
  ])("$label", ({ a, b }) => {
    expect(convert(read(a).quantity, "requests/s")).toBe(convert(read(b).quantity, "requests/s"));
  });
});

describe("B and b: bytes, bits or billion", () => {
  test.each([
    {
      label: "3B for requests/day is 3 billion",
      text: "3B",
      expectUnit: "requests/day",
      unit: "requests/day",
      value: 3e9,
    },
    { label: "3B for data is 3 bytes", text: "3B", expectUnit: "B", unit: "B", value: 3 },
    { label: "3 B for data is 3 bytes", text: "3 B", expectUnit: "GB", unit: "B", value: 3 },
    { label: "a bare 3bn is read in the expected unit", text: "3bn", expectUnit: "B", unit: "GB", value: 3 },
    { label: "3bn B for data is 3 GB", text: "3bn B", expectUnit: "GB", unit: "GB", value: 3 },
    { label: "b for data is bits", text: "8b", expectUnit: "B", unit: "B", value: 1 },
    { label: "b for a count is billion", text: "3b", expectUnit: "users", unit: "users", value: 3e9 },
    { label: "B with a label is billion", text: "3B users", expectUnit: "users", unit: "users", value: 3e9 },
    {
      label: "3B/s for a rate is billion per second",
      text: "3B/s",
      expectUnit: "requests/s",
      unit: "requests/s",
      value: 3e9,
    },
    { label: "3B/s for a bandwidth is bytes per second", text: "3B/s", expectUnit: "MB/s", unit: "B/s", value: 3 },
    { label: "TB is terabytes even for a count", text: "1 TB", expectUnit: "TB", unit: "TB", value: 1 },
    { label: "m is million when no time is expected", text: "46m", expectUnit: "users", unit: "users", value: 46e6 },
  ])("$label", ({ text, expectUnit, unit, value }) => {
    expect(convert(read(text, expectUnit).quantity, unit)).toBeCloseTo(value, 9);
  });

  test("without an expected unit B is billion", () => {
    expect(read("3B").quantity.value).toBe(3e9);
  });
});

describe("ranges", () => {
  test.each([
    { label: "hyphen", text: "30k-80k", low: 30_000, high: 80_000 },
    { label: "to", text: "30k to 80k", low: 30_000, high: 80_000 },
    { label: "en dash", text: "30k–80k", low: 30_000, high: 80_000 },
    { label: "em dash", text: "30k—80k", low: 30_000, high: 80_000 },
    { label: "spaces around the hyphen", text: "30k - 80k", low: 30_000, high: 80_000 },
    { label: "magnitude on the upper end only", text: "30-80k", low: 30_000, high: 80_000 },
    { label: "words", text: "1-2 million", low: 1e6, high: 2e6 },
    { label: "unit on the upper end only", text: "30k-80k users", low: 30_000, high: 80_000 },
    { label: "reversed ends are put in order", text: "80k-30k", low: 30_000, high: 80_000 },
    { label: "approximate", text: "~30k to ~80k", low: 30_000, high: 80_000 },
    { label: "money", text: "$30k-$80k", low: 30_000, high: 80_000 },
    { label: "percent", text: "10-20%", low: 0.1, high: 0.2 },
  ])("$label: “$text”", ({ text, low, high }) => {
    const { quantity } = read(text);
    expect(quantity.range?.low).toBeCloseTo(low, 9);
    expect(quantity.range?.high).toBeCloseTo(high, 9);
    expect(quantity.value).toBeCloseTo(Math.sqrt(low * high), 6);
  });

  test("a range reads with both ends in the expected unit", () => {
    expect(read("30k-80k", "requests/s").read).toBe("read as 30,000 to 80,000 requests/s");
  });

  test("subtraction is not a thing in answers: 1e-3 is a number, not a range", () => {
    expect(read("1e-3").quantity.range).toBeNull();
  });
});

describe("how an answer is read back", () => {
  test.each([
    { label: "B as billion", text: "3B", expectUnit: "requests/day", echo: "read as 3,000,000,000 requests/day" },
    {
      label: "bare number in the expected unit",
      text: "46k",
      expectUnit: "requests/s",
      echo: "read as 46,000 requests/s",
    },
    { label: "converted to the expected unit", text: "1.4 Gbps", expectUnit: "MB/s", echo: "read as 175 MB/s" },
    {
      label: "label only, read in the expected unit",
      text: "46k requests",
      expectUnit: "requests/s",
      echo: "read as 46,000 requests/s",
    },
    { label: "as written when nothing is expected", text: "3 TB/day", expectUnit: undefined, echo: "read as 3 TB/day" },
    { label: "money", text: "$500/month", expectUnit: "$/month", echo: "read as $500/month" },
    { label: "percent", text: "99.9%", expectUnit: "%", echo: "read as 99.9%" },
    { label: "fraction", text: "1/3", expectUnit: "", echo: "read as 0.333333" },
    { label: "big number in full", text: "4.2×10^12", expectUnit: "", echo: "read as 4,200,000,000,000" },
  ])("$label", ({ text, expectUnit, echo }) => {
    expect(read(text, expectUnit).read).toBe(echo);
  });
});

describe("answers that cannot be read are data, not exceptions", () => {
  test.each([
    { label: "empty", text: "", contains: "No answer given" },
    { label: "only spaces", text: "   ", contains: "No answer given" },
    { label: "words", text: "lol", contains: "expected a number" },
    { label: "number in words", text: "forty-six thousand", contains: "expected a number" },
    { label: "unknown unit", text: "46k bananas", contains: "“bananas” is not a unit" },
    { label: "decimal comma", text: "46,2", contains: "commas separate thousands" },
    { label: "trailing junk", text: "46k ±5k", contains: "could not read" },
    { label: "division by zero", text: "1/0", contains: "divides by zero" },
    { label: "too large", text: "1e999", contains: "too large" },
    { label: "unit after a slash missing", text: "46k/", contains: "expected a unit" },
    { label: "range with a missing end", text: "46k-", contains: "expected a number" },
    { label: "ends of different kinds", text: "3 TB - 5 ms", contains: "different kinds of unit" },
  ])("$label: “$text”", ({ text, contains }) => {
    const result = parseQuantity(text, { expect: "requests/s" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe("unreadable");
      expect(result.error).toContain(contains);
    }
  });

  test.each([
    {
      label: "data for a time",
      text: "3 TB",
      expectUnit: "ms",
      message: "Read 3 TB (data); this step asks for a time.",
    },
    {
      label: "count for a rate",
      text: "46k users",
      expectUnit: "MB/s",
      message: "Read 46,000 users (count); this step asks for a bandwidth (data per time).",
    },
    {
      label: "time for money",
      text: "3 days",
      expectUnit: "$",
      message: "Read 3 day (time); this step asks for an amount of money.",
    },
    {
      label: "cost for a storage price",
      text: "$500/month",
      expectUnit: "$/GB/month",
      message: "Read $500/month (cost); this step asks for a storage price (money per data per time).",
    },
  ])("wrong dimension, $label", ({ text, expectUnit, message }) => {
    const result = parseQuantity(text, { expect: expectUnit });
    expect(result).toEqual({ ok: false, reason: "wrong-dimension", error: message });
  });
});

describe("a range's suffix carries to the low end only when that keeps it the low end", () => {
  test.each([
    { label: "30-80k is 30k to 80k", text: "30-80k", low: 30_000, high: 80_000 },
    { label: "500-5k is 500 to 5,000", text: "500-5k requests/s", low: 500, high: 5_000 },
    { label: "500 to 5k is 500 to 5,000", text: "500 to 5k", low: 500, high: 5_000 },
  ])("$label", ({ text, low, high }) => {
    const result = parseQuantity(text, { expect: "requests/s" });
    if (!result.ok) throw new Error(result.error);
    expect(result.quantity.range).toEqual({ low, high });
  });
});
