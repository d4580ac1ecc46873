// One unit reader serves answers and formulas, with a grammar for each: in a formula `*`, `^` and names mean
// arithmetic and givens, so only `/` continues a unit; an answer has the fuller whiteboard language. These rows pin
// where the two differ, and the typeset characters both accept.
import { describe, expect, test } from "vitest";
import { convert, evaluate, parseQuantity } from "@/lib/engine";

describe("units in formulas", () => {
  test.each([
    { label: "a power after a unit raises the literal", formula: "3 s^2", unit: "s^2", expected: 9 },
    { label: "÷ continues a unit like /", formula: "10 GB ÷ s", unit: "GB/s", expected: 10 },
    { label: "a count label after / divides by the given", formula: "x / servers", unit: "", expected: 5 },
    { label: "a unit word after / is a unit", formula: "100 requests / user", unit: "", expected: 100 },
    { label: "$ before the number, then /unit", formula: "$5/month", unit: "$/month", expected: 5 },
    { label: "$ after the number", formula: "3 $/month", unit: "$/month", expected: 3 },
    { label: "$ alone is the dollar", formula: "x * $", unit: "$", expected: 10 },
    { label: "a storage price times an amount", formula: "$0.023/GB/month * 1 PB", unit: "$/month", expected: 23_000 },
    { label: "a label, then a time", formula: "10k requests/s * 5 KB", unit: "MB/s", expected: 50 },
    { label: "thousands commas", formula: "86,400 s", unit: "s", expected: 86_400 },
    { label: "a comma in a call separates arguments", formula: "max(1000, 2000)", unit: "", expected: 2_000 },
  ])("$label: $formula", ({ formula, unit, expected }) => {
    expect(convert(evaluate(formula, { x: 10, servers: 2 }), unit)).toBeCloseTo(expected, 6);
  });

  test("“per” is not formula syntax", () => {
    expect(() => evaluate("1 s per day")).toThrow(/“per” is not a unit Envelope knows/);
  });
});

describe("typeset operators in formulas", () => {
  test.each([
    { label: "minus sign", formula: "4 − 1", expected: 3 },
    { label: "division sign", formula: "6 ÷ 2", expected: 3 },
    { label: "multiplication sign", formula: "2 × 3", expected: 6 },
    { label: "dot operator", formula: "2 ⋅ 3", expected: 6 },
    { label: "middle dot", formula: "2 · 3", expected: 6 },
    { label: "double star is a power", formula: "2 ** 3", expected: 8 },
    { label: "greater or equal holds", formula: "3 ≥ 2", expected: 1 },
    { label: "not equal fails on equals", formula: "3 ≠ 3", expected: 0 },
  ])("$label: $formula → $expected", ({ formula, expected }) => {
    expect(convert(evaluate(formula), "")).toBe(expected);
  });
});

describe("units in answers", () => {
  test.each([
    { label: "a power after a unit belongs to the unit", text: "3 s^2", expect: "s^2", read: "read as 3 s^2" },
    { label: "a superscript power", text: "3 s²", expect: "s^2", read: "read as 3 s^2" },
    { label: "per", text: "12 requests per second", expect: "requests/s", read: "read as 12 requests/s" },
    { label: "GB-month", text: "$0.02/GB-month", expect: "$/GB/month", read: "read as $0.02/GB/month" },
    { label: "GB·month", text: "$0.02/GB·month", expect: "$/GB/month", read: "read as $0.02/GB/month" },
    { label: "a long word in any case", text: "3 Seconds", expect: "s", read: "read as 3 s" },
    { label: "m is minutes when a time is asked", text: "5 m", expect: "min", read: "read as 5 min" },
    { label: "m is million otherwise", text: "5 m", expect: "requests/s", read: "read as 5,000,000 requests/s" },
    { label: "a magnitude glued to a unit", text: "12kQPS", expect: "requests/s", read: "read as 12,000 requests/s" },
    {
      label: "a no-break space before the magnitude",
      text: "46\u00a0k",
      expect: "requests/s",
      read: "read as 46,000 requests/s",
    },
    { label: "≈ before the number", text: "≈ 46k", expect: "requests/s", read: "read as 46,000 requests/s" },
    {
      label: "an en dash between the ends",
      text: "30k – 80k",
      expect: "users",
      read: "read as 30,000 to 80,000 users",
    },
    { label: "superscript power of ten", text: "4.6 × 10⁴", expect: undefined, read: "read as 46,000" },
  ])("$label: $text", ({ text, expect: unit, read }) => {
    const result = parseQuantity(text, unit === undefined ? {} : { expect: unit });
    expect(result.ok && result.read).toBe(read);
  });

  test.each([
    { label: "a symbol only as written", text: "3 MS", expect: "s", error: "“MS” is not a unit Envelope knows" },
    { label: "÷ is not answer syntax", text: "10 GB ÷ s", expect: "GB/s", error: "then could not read “÷ s”" },
    { label: "a slash with no unit after it", text: "46k /", expect: "requests/s", error: "expected a unit after “/”" },
    {
      label: "an unknown word",
      text: "46k bananas",
      expect: "requests/s",
      error: "“bananas” is not a unit Envelope knows",
    },
  ])("$label: $text is unreadable", ({ text, expect: unit, error }) => {
    const result = parseQuantity(text, { expect: unit });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(error);
  });
});
