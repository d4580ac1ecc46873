import { describe, expect, test } from "vitest";
import { coverPoint } from "@/lib/cases";

const KEYS = [
  ["base62", "base 62"],
  ["counter", "sequence", "ticket"],
];

describe("the checklist's coverage rule", () => {
  test.each([
    {
      label: "every concept named",
      notes: "Encode a counter in base62, blocks of 1000 per pod",
      mark: "covered",
      matched: ["base62", "counter"],
    },
    {
      label: "a synonym with other case and a hyphen",
      notes: "BASE-62 of a global Sequence",
      mark: "covered",
      matched: ["base 62", "sequence"],
    },
    {
      label: "a plural",
      notes: "ticket servers hand out ranges, then base62",
      mark: "covered",
      matched: ["base62", "ticket"],
    },
    {
      label: "one concept of two",
      notes: "hash the URL and take base62 of it",
      mark: "partly",
      matched: ["base62", null],
    },
    { label: "nothing", notes: "use a database", mark: "missed", matched: [null, null] },
    { label: "empty notes", notes: "", mark: "missed", matched: [null, null] },
    {
      label: "a word inside another word does not count",
      notes: "countertop encountered",
      mark: "missed",
      matched: [null, null],
    },
  ])("$label → $mark", ({ notes, mark, matched }) => {
    expect(coverPoint(notes, KEYS)).toEqual({ mark, matched });
  });

  test("numbers match as whole numbers", () => {
    const rule = [["301"], ["302"]];
    expect(coverPoint("a 301 is cached by browsers; 302 is not", rule).mark).toBe("covered");
    expect(coverPoint("30,100 redirects", rule).mark).toBe("missed");
  });

  test("very long notes stay fast and correct", () => {
    const notes = `${"filler words ".repeat(2_000)} counter`;
    expect(coverPoint(notes, KEYS)).toEqual({ mark: "partly", matched: [null, "counter"] });
  });
});
