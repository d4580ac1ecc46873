import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp, missImageApiStep } from "./helpers";

const PHONE = { width: 375, height: 740 };

/** The page is no wider than the window: nothing sticks out sideways, so nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${label}: the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** A learner with something on every page: a missed lesson step, two drill runs, a rated flashcard, cards due. */
async function learnerWithHistory(page: Page) {
  await signUp(page, "Phone");
  await page.goto("/learn/numbers-to-know");
  await missImageApiStep(page);

  await runDrillTwice(page);

  await page.goto("/review");
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();
  const data = await (await page.request.get("/api/export")).json();
  const fact = data.cards.find((c: { kind: string }) => c.kind === "fact");
  const rated = await page.request.post("/api/reviews", {
    data: { clientId: randomUUID(), cardId: fact.cardId, rating: 3, durationMs: 2000 },
  });
  expect(rated.ok()).toBe(true);
}

/** Two runs of the first drill, so its page draws the score trend. */
async function runDrillTwice(page: Page) {
  await page.goto("/practice/drill-dau-to-peak-qps");
  for (let run = 0; run < 2; run++) {
    const check = page.getByRole("button", { name: "Check my answers" });
    await page.getByRole("textbox").first().fill("1000");
    await check.click();
    await expect(page.getByText(/^Score: \d+%/)).toBeVisible();
    if (run === 0) {
      await page.getByRole("button", { name: "Another one" }).click();
      await expect(check).toBeEnabled();
    }
  }
  await expect(page.getByText("Score and time per run, oldest on the left.")).toBeVisible();
}

test.describe("every page fits a 375 px phone", () => {
  test("visitor pages: home, sign-in, sign-up and the 404 page", async ({ page }) => {
    await page.setViewportSize(PHONE);
    for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page, path);
    }
  });

  test("signed-in pages, with data on them: home, learn, a lesson, practice, a drill, review, progress, account, 404", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await learnerWithHistory(page);
    await page.setViewportSize(PHONE);
    for (const path of [
      "/",
      "/learn",
      "/learn/numbers-to-know",
      "/practice",
      "/practice/drill-dau-to-peak-qps",
      "/review",
      "/progress",
      "/account",
      "/no-such-page",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, path);
    }

    // The year of reviews scrolls inside its own box, which a keyboard can reach, and opens on the latest weeks.
    await page.goto("/progress");
    const calendar = page.getByRole("region", { name: /Reviews per day over the last year/ });
    await expect(calendar).toHaveAttribute("tabindex", "0");
    const box = await calendar.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    // Brought into view down the page: across, it shows the latest weeks and not the first.
    await calendar.scrollIntoViewIfNeeded();
    const today = calendar.locator("span[title]").last();
    await expect(today).toBeInViewport();
    await expect(calendar.locator("span[title]").first()).not.toBeInViewport();
    await expectNoAxeViolations(page);
  });
});

test.describe("charts", () => {
  /** Every tick label of every chart lies wholly inside its svg (the 100% label used to lose its first digit). */
  async function expectTicksInside(page: Page, label: string) {
    const svgs = page.locator("svg.recharts-surface");
    await expect(svgs.first()).toBeVisible();
    const outside = await svgs.evaluateAll((list) =>
      list.flatMap((svg) => {
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll(".recharts-cartesian-axis-tick-value")].flatMap((tick) => {
          const r = tick.getBoundingClientRect();
          return r.left < frame.left - 0.5 || r.right > frame.right + 0.5
            ? [
                `"${tick.textContent}" at ${Math.round(r.left)}-${Math.round(r.right)} in ${Math.round(frame.left)}-${Math.round(frame.right)}`,
              ]
            : [];
        });
      }),
    );
    expect(outside, label).toEqual([]);
  }

  test("axis labels are not clipped: the drill trend and the progress charts, wide and narrow", async ({ page }) => {
    test.setTimeout(90_000);
    await learnerWithHistory(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/practice/drill-dau-to-peak-qps");
      await expect(page.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^100%$/ })).toBeVisible();
      await expectTicksInside(page, `drill at ${width} px`);
      await page.goto("/progress");
      await expectTicksInside(page, `progress at ${width} px`);
    }
  });
});

test("every page links the icon, and the icons and /favicon.ico are served", async ({ page }) => {
  await page.goto("/");
  const icons = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) =>
      links.map((link) => ({ rel: link.getAttribute("rel"), href: link.getAttribute("href") ?? "" })),
    );
  expect(icons.map((i) => i.rel)).toEqual(expect.arrayContaining(["icon", "apple-touch-icon"]));
  for (const { href } of icons) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(/^image\//);
  }
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/no-such-page");
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
});
