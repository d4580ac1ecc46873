// The formula parser refuses what it cannot read safely with its own EngineError, never a stack overflow: deep
// nesting, long chains and huge strings, whether an author or a learner's scratchpad line sent them.
import { describe, expect, test } from "vitest";
import { EngineError, evaluate } from "@/lib/engine";

function caught(formula: string): unknown {
  try {
    evaluate(formula);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("deeply nested or very long formulas are a syntax error, not a RangeError", () => {
  test.each([
    { label: "10,000 nested parentheses", formula: `${"(".repeat(10_000)}1${")".repeat(10_000)}`, says: "characters" },
    { label: "10,000 unclosed parentheses", formula: "(".repeat(10_000), says: "characters" },
    { label: "100,000 “+ 1” terms", formula: `1${" + 1".repeat(100_000)}`, says: "characters" },
    { label: "a 1 MB string of digits", formula: "1".repeat(1_000_000), says: "1,000,000 characters" },
    { label: "a 1 MB string of letters", formula: "x".repeat(1_000_000), says: "1,000,000 characters" },
    { label: "a 1 MB formula", formula: `(1 + 2) * 3 ${"- 1 ".repeat(250_000)}`, says: "characters" },
    { label: "999 nested parentheses", formula: `${"(".repeat(999)}1${")".repeat(999)}`, says: "nest more than 200" },
    { label: "201 nested calls", formula: `${"abs(".repeat(201)}1${")".repeat(201)}`, says: "nest more than 200" },
    { label: "1,500 minus signs", formula: `${"-".repeat(1_500)}1`, says: "nest more than 200" },
    { label: "a tower of 900 powers", formula: `1${"^1".repeat(900)}`, says: "nest more than 200" },
    { label: "a chain of 501 terms", formula: `1${"+1".repeat(500)}`, says: "chains more than 500 operations" },
  ])("$label", ({ formula, says }) => {
    const error = caught(formula);
    expect(error).toBeInstanceOf(EngineError);
    if (error instanceof EngineError) {
      expect(error.code).toBe("syntax");
      expect(error.message).toContain(says);
      expect(error.message.length).toBeLessThanOrEqual(200);
    }
  });

  test.each([
    { label: "200 nested parentheses", formula: `${"(".repeat(200)}1 + 1${")".repeat(200)}`, value: 2 },
    { label: "200 minus signs", formula: `${"-".repeat(200)}5`, value: 5 },
    { label: "a chain of 500 terms", formula: `1${" + 1".repeat(499)}`, value: 500 },
    { label: "a 2,000-character formula", formula: `${"(1 + 1) * ".repeat(199)}1${" ".repeat(9)}`, value: 2 ** 199 },
  ])("within the limits: $label", ({ formula, value }) => {
    expect(evaluate(formula).value).toBe(value);
  });

  test("a syntax error far into a long formula quotes the stretch around it", () => {
    const error = caught(`1 + 2 ${"x".repeat(1_500)} #`);
    expect(error).toBeInstanceOf(EngineError);
    if (error instanceof EngineError) {
      expect(error.message).toBe(`Unexpected character “#” at position 1508 in “…${"x".repeat(29)} #”.`);
    }
  });
});
