import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

const PHONE = { width: 375, height: 740 };

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${label}: the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(
    clientWidth,
  );
}

test("a visitor opens the reference sheet from the menu and filters it as they type", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reference" }).click();
  await expect(page).toHaveURL(/\/reference$/);
  await expect(page).toHaveTitle(/^Reference/);
  await expect(page.getByRole("heading", { level: 1, name: "Reference sheet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Reference" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  for (const title of [
    "Latency numbers",
    "Powers of two",
    "Time conversions",
    "Sizes of common objects",
    "Bandwidth",
    "Availability (the nines)",
    "Cloud costs (AWS, us-east-1)",
  ])
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(page.getByRole("table", { name: "Latency numbers" })).toBeVisible();
  await expect(page.getByRole("row", { name: /99\.9% 8\.76 h 43\.2 min 10\.1 min/ })).toBeVisible();

  // Typed from the keyboard: the search box is the first control of the page after the header.
  const search = page.getByRole("searchbox", { name: "Search the sheet" });
  await search.focus();
  await page.keyboard.type("glacier");
  await expect(page.getByText(/^1 of \d+ rows match “glacier”\.$/)).toBeVisible();
  await expect(page.getByRole("row", { name: /S3 Glacier Deep Archive/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /m7i\.large/ })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Latency numbers" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Cloud costs (AWS, us-east-1)" })).toBeVisible();

  await search.fill("ssd");
  await expect(page.getByRole("row", { name: /Read 4 KB randomly from an SSD/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Read 1 MB sequentially from an SSD/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /L1 cache reference/ })).toBeHidden();

  await search.fill("no such figure");
  await expect(page.getByText("No rows match “no such figure”.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  await search.fill("");
  await expect(page.getByRole("row", { name: /L1 cache reference/ })).toBeVisible();
});

test.describe("the reference sheet in both themes", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${colorScheme}: no axe violations at 1280 and 375 px, and no sideways scroll on a phone`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/reference");
      await expect(page.getByRole("heading", { level: 1, name: "Reference sheet" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.setViewportSize(PHONE);
      await page.goto("/reference");
      await expect(page.getByRole("heading", { level: 1, name: "Reference sheet" })).toBeVisible();
      await expectNoSidewaysScroll(page, `/reference at 375 px, ${colorScheme}`);
      // A wide table scrolls inside its own frame, which the keyboard can reach.
      const frame = page.getByRole("group", { name: "Latency numbers table" });
      await expect(frame).toHaveAttribute("tabindex", "0");
      const box = await frame.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
      await expectNoAxeViolations(page);

      await page.getByRole("searchbox", { name: "Search the sheet" }).fill("uuid");
      await expect(page.getByRole("row", { name: /UUID, text 36 B/ })).toBeVisible();
      await expectNoSidewaysScroll(page, `/reference filtered at 375 px, ${colorScheme}`);
      await expectNoAxeViolations(page);
    });
  }
});

test("printing shows every table, even rows a search hid, without the menu or the search box", async ({ page }) => {
  await page.goto("/reference");
  await page.getByRole("searchbox", { name: "Search the sheet" }).fill("glacier");
  await expect(page.getByRole("row", { name: /m7i\.large/ })).toBeHidden();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("searchbox", { name: "Search the sheet" })).toBeHidden();
  await expect(page.getByRole("row", { name: /m7i\.large/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Latency numbers" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(7);
  const overflowing = await page
    .locator("[data-reference-frame]")
    .evaluateAll((frames) => frames.filter((f) => f.scrollWidth > f.clientWidth + 1).length);
  expect(overflowing).toBe(0);
});

test("GET /api/reference sends the sheet as JSON to anyone, cacheable", async ({ request }) => {
  const response = await request.get("/api/reference");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toMatch(/public/);
  const sheet = await response.json();
  expect(sheet.checked).toMatch(/^\d{4}-\d{2}$/);
  expect(sheet.tables.map((t: { id: string }) => t.id)).toEqual([
    "latency",
    "powers-of-two",
    "time",
    "sizes",
    "bandwidth",
    "availability",
    "costs",
  ]);
  const costs = sheet.tables.find((t: { id: string }) => t.id === "costs");
  const m7i = costs.rows.find((r: { id: string }) => r.id === "m7i-large");
  expect(m7i.cells.slice(1, 3)).toEqual(["$0.1008/h", "$73.58 a month (730 h)"]);
});
