import { expect, test } from "@playwright/test";
import { firstLoadJs } from "../../scripts/bench/first-load";
import { signUp } from "./helpers";

/**
 * Each page's first-load JavaScript budget, gzipped kB: what its server-rendered HTML makes the browser download
 * before the page works (legacy `nomodule` polyfills left out, as modern browsers skip them). Pinned a little above
 * what the build ships (measured 2026-12-03: 141 kB for a page without widgets, where a blank Next 16 page ships
 * about 135 kB; 150 kB for a lesson, whose exercises' reader, scratchpad and charts load after its text; 142 kB for
 * /progress, whose charts do too), so a change that adds weight to a page has to say so here.
 */
const BUDGETS_KB: Record<string, number> = {
  "/": 145,
  "/learn": 145,
  "/learn/estimation-pipeline": 155,
  "/practice": 145,
  "/practice/drill-dau-to-peak-qps": 151,
  "/reference": 147,
  "/today": 152,
  "/review": 155,
  "/progress": 146,
  "/cases": 145,
};

const SIGNED_OUT = [
  "/",
  "/learn",
  "/learn/estimation-pipeline",
  "/practice",
  "/practice/drill-dau-to-peak-qps",
  "/reference",
];

test("every page stays within its first-load JavaScript budget", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const measured: Record<string, number> = {};
  for (const path of SIGNED_OUT) measured[path] = (await firstLoadJs(base, path)).bytes;
  await signUp(page, "Budget");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const path of Object.keys(BUDGETS_KB).filter((p) => !SIGNED_OUT.includes(p)))
    measured[path] = (await firstLoadJs(base, path, cookie)).bytes;
  console.log(
    Object.entries(measured)
      .map(([path, bytes]) => `${path}: ${(bytes / 1024).toFixed(1)} kB`)
      .join("\n"),
  );
  for (const [path, budget] of Object.entries(BUDGETS_KB))
    expect(
      Math.round(((measured[path] ?? 0) / 1024) * 10) / 10,
      `${path} first-load JS (kB, gzipped)`,
    ).toBeLessThanOrEqual(budget);
});
