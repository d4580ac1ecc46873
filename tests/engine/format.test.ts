import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { EngineError, convert, evaluate, formatQuantity, parseQuantity } from "@/lib/engine";

describe("formatQuantity picks readable units and rounding", () => {
  test.each([
    { label: "bandwidth from TB/day", formula: "3 TB/day", text: "34.7 MB/s" },
    { label: "storage", formula: "1e9 * 500 B * 365", text: "182.5 TB" },
    { label: "a rate with its label", formula: "200M requests / 1 day * 20", text: "46,296 requests/s" },
    { label: "a rate without a label", formula: "300M * 20 / 1 day", text: "69,444/s" },
    { label: "a million-plus count", formula: "100k users * 1.2 ^ 18", text: "2.66M users" },
    { label: "a small count", formula: "21 servers", text: "21 servers" },
    { label: "a plain number", formula: "1.2 ^ 18", text: "26.6" },
    { label: "a fraction", formula: "0.023", text: "0.023" },
    { label: "a cost", formula: "$1M/month * 10%", text: "$100k/month" },
    { label: "money", formula: "$500", text: "$500" },
    { label: "a storage price", formula: "$0.023/GB/month", text: "$0.023/GB/month" },
    { label: "minutes", formula: "30 days * (1 - 0.999)", text: "43.2 min" },
    { label: "a day is 24 h", formula: "86400 s", text: "24 h" },
    { label: "a week", formula: "7 days", text: "7 days" },
    { label: "days", formula: "2.5 days", text: "2.5 days" },
    { label: "microseconds", formula: "1 KB / 1 Gbps", text: "8 µs" },
    { label: "nanoseconds", formula: "0.5 ns", text: "0.5 ns" },
    { label: "years", formula: "10 years", text: "10 years" },
    { label: "exabytes", formula: "1bn * 10 GB", text: "10 EB" },
    { label: "a huge count in scientific notation", formula: "62 ^ 12", text: "3.23×10^21" },
  ])("$label → $text", ({ formula, text }) => {
    expect(formatQuantity(evaluate(formula))).toBe(text);
  });

  test.each([
    { label: "MB/s to 4 figures", formula: "3 TB/day", unit: "MB/s", sig: 4, text: "34.72 MB/s" },
    { label: "Gbps", formula: "35k requests/s * 5 KB", unit: "Gbps", sig: undefined, text: "1.4 Gbps" },
    {
      label: "requests/day in full",
      formula: "200M * 20 / 1 day",
      unit: "requests/day",
      sig: undefined,
      text: "4,000,000,000 requests/day",
    },
    { label: "two figures", formula: "200M * 20 / 1 day", unit: "requests/s", sig: 2, text: "46,000 requests/s" },
    { label: "a cost", formula: "$100k/month", unit: "$/month", sig: undefined, text: "$100,000/month" },
    { label: "percent", formula: "0.999", unit: "%", sig: undefined, text: "99.9%" },
    { label: "a plain number", formula: "15 / 2", unit: "", sig: undefined, text: "7.5" },
    { label: "a count label", formula: "ceil(20.8)", unit: "servers", sig: undefined, text: "21 servers" },
  ])("in a unit: $label → $text", ({ formula, unit, sig, text }) => {
    expect(formatQuantity(evaluate(formula), sig === undefined ? { unit } : { unit, sig })).toBe(text);
  });

  test("a range is written low to high", () => {
    const result = parseQuantity("30k-80k", { expect: "users" });
    expect(result.ok && formatQuantity(result.quantity, { unit: "users" })).toBe("30,000 to 80,000 users");
  });

  test.each([
    { label: "unknown unit", unit: "furlongs/fortnight" },
    { label: "another dimension", unit: "ms" },
  ])("throws on $label", ({ unit }) => {
    expect(() => formatQuantity(evaluate("3 TB"), { unit })).toThrow(EngineError);
  });
});

describe("convert", () => {
  test.each([
    { label: "TB/day to MB/s", formula: "3 TB/day", unit: "MB/s", value: 34.722_222 },
    { label: "MB/s to Gbps", formula: "175 MB/s", unit: "Gbps", value: 1.4 },
    { label: "Gbps to TB/day", formula: "1 Gbps", unit: "TB/day", value: 10.8 },
    { label: "days to seconds", formula: "1 day", unit: "s", value: 86_400 },
    { label: "GiB to GB", formula: "1 GiB", unit: "GB", value: 1.073_741_824 },
    { label: "labels ignored", formula: "46k users/s", unit: "requests/s", value: 46_000 },
    { label: "$/month to $/year", formula: "$500/month", unit: "$/year", value: 500 * (365 / 30) },
  ])("$label", ({ formula, unit, value }) => {
    expect(convert(evaluate(formula), unit)).toBeCloseTo(value, 6);
  });

  test.each([
    { label: "unknown unit", formula: "3 TB", unit: "parsecs", code: "unknown-unit" },
    { label: "dimension mismatch", formula: "3 TB", unit: "ms", code: "dimension-mismatch" },
  ])("throws EngineError on $label", ({ formula, unit, code }) => {
    let caught: unknown;
    try {
      convert(evaluate(formula), unit);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect(caught instanceof EngineError && caught.code).toBe(code);
  });

  test("the dimension-mismatch message names both dimensions", () => {
    expect(() => convert(evaluate("3 TB"), "ms")).toThrow("Cannot convert an amount of data to “ms”, which is a time.");
  });
});

describe("round trip: convert(parse(format(q)), unit) within display rounding", () => {
  const units = [
    "B",
    "KB",
    "GB",
    "MB/s",
    "Gbps",
    "ms",
    "s",
    "h",
    "requests/s",
    "users",
    "",
    "$",
    "$/month",
    "$/GB/month",
    "%",
  ];
  // The display rule keeps at least three significant figures: rounding moves a value by at most 0.5 %.
  const DISPLAY_ROUNDING = 0.005 + 1e-9;

  test.each(units.map((unit) => ({ label: `in ${unit === "" ? "a plain number" : unit}`, unit })))(
    "$label",
    ({ unit }) => {
      fc.assert(
        fc.property(fc.double({ min: -7, max: 14, noNaN: true }), fc.boolean(), (exponent, auto) => {
          const base = evaluate(unit === "" ? "1" : `1 ${unit}`);
          const quantity = { ...base, value: base.value * 10 ** exponent };
          const text = auto ? formatQuantity(quantity) : formatQuantity(quantity, { unit });
          // An automatic format of a plain number has no % sign: read it back as a plain number.
          const parsed = parseQuantity(text, { expect: auto && unit === "%" ? "" : unit });
          expect(parsed.ok, `${text} should parse: ${parsed.ok ? "" : parsed.error}`).toBe(true);
          if (!parsed.ok) return;
          const ratio = convert(parsed.quantity, unit) / convert(quantity, unit);
          expect(Math.abs(ratio - 1), `${text}`).toBeLessThanOrEqual(DISPLAY_ROUNDING);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe("a count word after exactly 1 is singular", () => {
  test.each([
    { label: "1 node", expr: "1 nodes", unit: "nodes", text: "1 node" },
    { label: "1 copy", expr: "1 copies", unit: "copies", text: "1 copy" },
    { label: "2 nodes stay plural", expr: "2 nodes", unit: "nodes", text: "2 nodes" },
    { label: "1 month", expr: "1 month", unit: "months", text: "1 month" },
    { label: "units are not words: 1 ms", expr: "1 ms", unit: "ms", text: "1 ms" },
  ])("$label", ({ expr, unit, text }) => {
    expect(formatQuantity(evaluate(expr), { unit })).toBe(text);
  });
});
