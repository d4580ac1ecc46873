import { describe, expect, test } from "vitest";
import { parseQuantity } from "@/lib/engine";

/** True when a string holds half of a surrogate pair, which prints as "�". */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe("messages quote what was typed whole", () => {
  test.each([
    { label: "an emoji alone", text: "😀" },
    { label: "an emoji after a number", text: "12😀" },
    { label: "an emoji after a unit", text: "12 GB😀" },
    { label: "a flag (two code points)", text: "🇩🇪" },
    { label: "an emoji as the end of a range", text: "3-😀" },
  ])("$label", ({ text }) => {
    const result = parseQuantity(text, { expect: "requests/s" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(hasLoneSurrogate(result.error)).toBe(false);
      expect(result.error).toContain(String.fromCodePoint(text.codePointAt(text.search(/[\uD800-\uDBFF]/)) ?? 0));
    }
  });

  test("the check itself finds half an emoji", () => {
    expect(hasLoneSurrogate("😀".slice(0, 1))).toBe(true);
    expect(hasLoneSurrogate("😀")).toBe(false);
  });
});
