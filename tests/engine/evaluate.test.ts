import { describe, expect, test } from "vitest";
import { EngineError, convert, evaluate, type Quantity } from "@/lib/engine";

describe("formulas with units and names", () => {
  test.each<{ label: string; formula: string; scope?: Record<string, Quantity | number>; unit: string; value: number }>(
    [
      {
        label: "givens as numbers",
        formula: "dau * actions / 1 day",
        scope: { dau: 200e6, actions: 20 },
        unit: "requests/s",
        value: 46_296.296,
      },
      { label: "a unit literal", formula: "3 TB/day", unit: "MB/s", value: 34.722_222 },
      { label: "magnitudes", formula: "300M * 20 / 1 day", unit: "requests/s", value: 69_444.444 },
      {
        label: "a labelled rate divides to servers",
        formula: "ceil(peak / (10k requests/s))",
        scope: { peak: evaluate("208333 requests/s") },
        unit: "",
        value: 21,
      },
      {
        label: "a rate literal after a division binds as one",
        formula: "peak / 10k requests/s",
        scope: { peak: evaluate("208333 requests/s") },
        unit: "",
        value: 20.8333,
      },
      { label: "power", formula: "1.2 ^ 18", unit: "", value: 26.623_333 },
      { label: "power is right-associative", formula: "2 ^ 3 ^ 2", unit: "", value: 512 },
      { label: "a unit after a power", formula: "10^5 requests/s", unit: "requests/s", value: 100_000 },
      { label: "negative exponent", formula: "10 ^ -3", unit: "", value: 0.001 },
      { label: "log10", formula: "log10(x)", scope: { x: 1000 }, unit: "", value: 3 },
      { label: "log2", formula: "log2(1024)", unit: "", value: 10 },
      { label: "ln", formula: "ln(10) / ln(1.2)", unit: "", value: 12.629 },
      { label: "sqrt of a number", formula: "sqrt(2 ^ 42)", unit: "", value: 2_097_152 },
      { label: "sqrt of an area-like quantity halves the dimension", formula: "sqrt(4 s * 9 s)", unit: "s", value: 6 },
      { label: "pow", formula: "pow(2, 10)", unit: "", value: 1024 },
      { label: "min", formula: "min(3 ms, 2 ms, 5 ms)", unit: "ms", value: 2 },
      { label: "max", formula: "max(1 GB, 500 MB)", unit: "MB", value: 1000 },
      { label: "floor", formula: "floor(31.25)", unit: "", value: 31 },
      { label: "round", formula: "round(2.5)", unit: "", value: 3 },
      { label: "round to digits", formula: "round(3.14159, 2)", unit: "", value: 3.14 },
      { label: "abs", formula: "abs(2 - 5)", unit: "", value: 3 },
      { label: "exp", formula: "exp(0)", unit: "", value: 1 },
      { label: "clamp", formula: "clamp(15, 1, 5)", unit: "", value: 5 },
      { label: "percent", formula: "40k * 60%", unit: "", value: 24_000 },
      { label: "thousands commas", formula: "86,400 s", unit: "s", value: 86_400 },
      { label: "B is bytes in formulas", formula: "1e9 * 500 B * 365", unit: "TB", value: 182.5 },
      { label: "bn is billion", formula: "3bn * 2 KB", unit: "TB", value: 6 },
      { label: "bits", formula: "35k requests/s * 5 KB", unit: "Gbps", value: 1.4 },
      { label: "money per data per time", formula: "$0.023/GB/month * 1 PB", unit: "$/month", value: 23_000 },
      { label: "a dollar sign after the number", formula: "500 $/month * 12 month", unit: "$", value: 6_000 },
      { label: "a month is 30 days", formula: "1 month", unit: "day", value: 30 },
      { label: "a year is 365 days", formula: "1 year", unit: "day", value: 365 },
      { label: "a unit written alone", formula: "x / day", scope: { x: 86_400 }, unit: "/s", value: 1 },
      { label: "a unit after a group", formula: "(100 + 50) ms", unit: "s", value: 0.15 },
      { label: "unicode operators", formula: "4 × 3 ÷ 2 − 1", unit: "", value: 5 },
      { label: "comparison true", formula: "2 + 2 > 3", unit: "", value: 1 },
      { label: "comparison false", formula: "1 + 1 > 3", unit: "", value: 0 },
      { label: "equality with floating-point noise", formula: "0.1 + 0.2 == 0.3", unit: "", value: 1 },
      { label: "left-to-right division", formula: "100 / 2 / 5", unit: "", value: 10 },
      { label: "precedence", formula: "2 + 3 * 4", unit: "", value: 14 },
      { label: "unary minus", formula: "-(3 - 5)", unit: "", value: 2 },
      { label: "a given shadows a unit name", formula: "s * 2", scope: { s: 21 }, unit: "", value: 42 },
      {
        label: "quantities in scope",
        formula: "size * n",
        scope: { size: evaluate("5 KB"), n: 1000 },
        unit: "MB",
        value: 5,
      },
    ],
  )("$label: $formula", ({ formula, scope, unit, value }) => {
    expect(convert(evaluate(formula, scope), unit)).toBeCloseTo(value, 3);
  });

  test.each([
    { label: "a count keeps its label", formula: "200M users * 2", kept: "users" },
    {
      label: "a rate over a labelled rate is a plain ratio",
      formula: "208333 requests/s / (10k requests/s)",
      kept: "",
    },
    { label: "QPS carries requests", formula: "12k QPS", kept: "requests" },
  ])("labels: $label", ({ formula, kept }) => {
    expect(evaluate(formula).label).toBe(kept);
  });

  test("the same formula with another scope gives another answer (the cache holds trees, not values)", () => {
    expect(evaluate("a * 2", { a: 1 }).value).toBe(2);
    expect(evaluate("a * 2", { a: 5 }).value).toBe(10);
  });
});

describe("author mistakes throw EngineError with a clear message", () => {
  test.each([
    { label: "unknown name", formula: "daus * 20", code: "unknown-name", message: "Unknown name “daus”" },
    {
      label: "unknown name lists the known ones",
      formula: "x + zz",
      scope: { x: 1 },
      code: "unknown-name",
      message: "known names: x",
    },
    { label: "unknown function", formula: "foo(3)", code: "unknown-name", message: "Unknown function “foo”" },
    {
      label: "unknown unit after a number",
      formula: "3 furlongs",
      code: "syntax",
      message: "“furlongs” is not a unit Envelope knows",
    },
    {
      label: "adding data to time",
      formula: "3 TB + 2 s",
      code: "dimension-mismatch",
      message: "Cannot add an amount of data and a time",
    },
    { label: "comparing data and time", formula: "3 TB > 2 s", code: "dimension-mismatch", message: "Cannot compare" },
    {
      label: "ceil of a dimensioned quantity",
      formula: "ceil(3.5 TB)",
      code: "dimension-mismatch",
      message: "ceil() needs a plain number",
    },
    { label: "log of a non-positive number", formula: "log10(0)", code: "not-finite", message: "not positive" },
    { label: "division by zero", formula: "1 / 0", code: "not-finite", message: "does not give a finite number" },
    {
      label: "a dimensioned exponent",
      formula: "2 ^ (3 s)",
      code: "dimension-mismatch",
      message: "needs a plain number",
    },
    {
      label: "a fractional power of data",
      formula: "(3 TB) ^ 0.5",
      code: "dimension-mismatch",
      message: "Cannot raise",
    },
    { label: "unbalanced parenthesis", formula: "(1 + 2", code: "syntax", message: "ends too early" },
    { label: "a stray operator", formula: "1 + * 2", code: "syntax", message: "Unexpected “*”" },
    { label: "an empty formula", formula: "", code: "syntax", message: "empty" },
    { label: "an unexpected character", formula: "1 # 2", code: "syntax", message: "Unexpected character “#”" },
    {
      label: "a function with too many arguments",
      formula: "ceil(1, 2)",
      code: "invalid-argument",
      message: "takes 1 argument",
    },
    {
      label: "no eval: a JavaScript expression is not a formula",
      formula: "process.exit(1)",
      code: "syntax",
      message: "Unexpected character",
    },
  ])("$label", ({ formula, scope, code, message }) => {
    let caught: unknown;
    try {
      evaluate(formula, scope);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    if (caught instanceof EngineError) {
      expect(caught.code).toBe(code);
      expect(caught.message).toContain(message);
    }
  });

  test("a name inherited from Object.prototype is not a given", () => {
    expect(() => evaluate("constructor * 2", {})).toThrow(EngineError);
  });
});

describe("ceil and floor ignore floating-point noise", () => {
  test.each([
    { label: "300 ms / 100 ms floors to 3", expr: "floor(300 ms / 100 ms)", expected: 3 },
    { label: "10 × 84 % / 60 % ceils to 14", expr: "ceil(10 * 84 % / (60 %))", expected: 14 },
    { label: "(210 ms - 10 ms) / 20 ms floors to 10", expr: "floor((210 ms - 10 ms) / (20 ms))", expected: 10 },
    { label: "a real fraction still rounds up", expr: "ceil(2.0001)", expected: 3 },
  ])("$label", ({ expr, expected }) => {
    expect(evaluate(expr).value).toBe(expected);
  });
});
