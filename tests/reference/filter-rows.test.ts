import { describe, expect, test } from "vitest";
import { matchRows, normaliseText } from "@/components/reference/filter-rows";
import { buildReferenceSheet } from "@/lib/reference";

const sheet = buildReferenceSheet();

function matched(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [table, ids] of matchRows(sheet.tables, query)) if (ids.size > 0) result[table] = [...ids];
  return result;
}

describe("matchRows", () => {
  test.each([
    { label: "a word in one row", query: "glacier", expected: { costs: ["s3-deep-archive"] } },
    { label: "any case", query: "GLACIER", expected: { costs: ["s3-deep-archive"] } },
    { label: "every word must match", query: "ssd 4 kb", expected: { latency: ["ssd-random-4kb"] } },
    { label: "a number as written", query: "99.999%", expected: { availability: ["availability-99.999"] } },
    { label: "nothing", query: "zebra", expected: {} },
  ])("$label: “$query”", ({ query, expected }) => {
    expect(matched(query)).toEqual(expected);
  });

  test("a table's title matches all its rows", () => {
    const rows = matchRows(sheet.tables, "powers of two").get("powers-of-two");
    expect(rows?.size).toBe(5);
  });

  test("an empty or blank query matches every row", () => {
    for (const query of ["", "   "]) {
      const total = [...matchRows(sheet.tables, query).values()].reduce((sum, ids) => sum + ids.size, 0);
      expect(total).toBe(sheet.tables.reduce((sum, t) => sum + t.rows.length, 0));
    }
  });

  test("the Greek mu finds the micro sign", () => {
    expect(normaliseText("150 \u03bcs")).toBe(normaliseText("150 \u00b5s"));
    expect(matched("150 \u03bcs").latency).toContain("ssd-random-4kb");
  });
});
