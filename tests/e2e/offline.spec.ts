import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";
import { oneCardDueIn } from "./learner-clock";

const LESSON = { path: "/learn/scale-in-interviews", title: "Why scale decides the design" };
const UNVISITED_LESSON = "/learn/numbers-to-know";

/** Waits until the service worker has registered, activated and taken control of the open page. */
async function waitForWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
    .toMatch(/\/sw\.js$/);
}

/** Whether any of the worker's caches holds a copy of the page at `path`. */
function isKept(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    for (const name of await caches.keys()) {
      // Precached files are stored under their URL plus a revision parameter.
      if (await (await caches.open(name)).match(wanted, { ignoreSearch: true })) return true;
    }
    return false;
  }, path);
}

/** Which learner the worker last heard about ("" when signed out, null before it heard of anyone). */
function learnerOnRecord(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const saved = await (await caches.open("envelope-learner")).match("/learner");
    return saved ? saved.text() : null;
  });
}

test.describe("offline reading and install", () => {
  test("the manifest is served, linked from every page and names icons that load", async ({ page, request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/manifest+json");
    const manifest: unknown = await response.json();
    expect(manifest).toMatchObject({
      name: expect.stringContaining("Envelope"),
      short_name: "Envelope",
      start_url: "/today",
      display: "standalone",
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    const icons = (manifest as { icons: { src: string; type: string }[] }).icons;
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) {
      const served = await request.get(icon.src);
      expect(served.status(), icon.src).toBe(200);
      expect(served.headers()["content-type"], icon.src).toContain(icon.type);
    }

    await page.goto("/reference");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    // Light and dark theme colours for the browser's chrome.
    await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
  });

  test("the worker registers and controls the page; its caches are named after this build", async ({ page }) => {
    await page.goto("/");
    await waitForWorker(page);
    const names = await page.evaluate(() => caches.keys());
    const precache = names.filter((name) => name.includes("precache"));
    expect(precache).toHaveLength(1);
    expect(precache[0]).toMatch(/^envelope@[\w.-]+@-precache$/);
    // The build's scripts and the offline page are precached.
    expect(await isKept(page, "/offline.html")).toBe(true);
  });

  test("a new deployment's worker takes over and deletes every cache of the old build", async ({ page }) => {
    // Stand in for a second deployment: the same worker with another build id, served where the old one was.
    const workerFile = path.join(process.cwd(), "public", "sw.js");
    const original = fs.readFileSync(workerFile, "utf8");
    const buildId = fs.readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    expect(original).toContain(JSON.stringify(buildId));
    const nextId = `${buildId}-next`;
    const cachesOf = (id: string) =>
      page.evaluate(
        (prefix) => caches.keys().then((names) => names.filter((n) => n.startsWith(prefix))),
        `envelope@${id}@`,
      );

    await page.goto("/reference");
    await waitForWorker(page);
    await page.goto("/reference");
    await expect.poll(() => isKept(page, "/reference")).toBe(true);
    expect(await cachesOf(buildId)).toEqual(expect.arrayContaining([`envelope@${buildId}@-precache`]));

    try {
      fs.writeFileSync(workerFile, original.replaceAll(JSON.stringify(buildId), JSON.stringify(nextId)));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await expect.poll(() => cachesOf(nextId), { timeout: 20_000 }).toContain(`envelope@${nextId}@-precache`);
      await expect.poll(() => cachesOf(buildId)).toEqual([]);
      expect(await isKept(page, "/offline.html")).toBe(true);
    } finally {
      fs.writeFileSync(workerFile, original);
    }
  });

  test("a lesson, the reference sheet and review opened online still render offline; an unvisited page shows the offline page", async ({
    page,
    context,
  }) => {
    await signUp(page);
    await waitForWorker(page);
    await expect.poll(() => learnerOnRecord(page)).toMatch(/.+/);

    for (const path of [LESSON.path, "/reference", "/review"]) {
      await page.goto(path);
      await expect.poll(() => isKept(page, path), { message: `${path} kept for offline reading` }).toBe(true);
    }

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();

    await page.goto(LESSON.path);
    await expect(page.getByRole("heading", { level: 1, name: LESSON.title })).toBeVisible();
    await page.goto("/reference");
    await expect(page.getByRole("heading", { level: 1, name: "Reference sheet" })).toBeVisible();

    await page.goto(UNVISITED_LESSON);
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to Today" })).toBeVisible();

    await context.setOffline(false);
    await page.goto(UNVISITED_LESSON);
    await expect(page.getByRole("heading", { level: 1, name: "The numbers to carry in your head" })).toBeVisible();
  });

  test("signing out empties the kept pages, so the next person on this browser reads none of them offline", async ({
    page,
    context,
  }) => {
    await signUp(page, "Ada");
    await waitForWorker(page);
    await expect.poll(() => learnerOnRecord(page)).toMatch(/.+/);
    await page.goto("/review");
    await expect.poll(() => isKept(page, "/review")).toBe(true);

    await page.getByRole("button", { name: /Account menu for Ada/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expect.poll(() => isKept(page, "/review")).toBe(false);
    await expect.poll(() => learnerOnRecord(page)).toBe("");

    await context.setOffline(true);
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  });

  test("a card that comes due hours after review was opened online can be reviewed offline, and is stored once", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const email = await signUp(page, "Ada");
    await waitForWorker(page);
    await page.goto("/review");
    await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
    await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
    await oneCardDueIn(email, 2 * 3_600_000);

    await page.clock.install();
    await page.goto("/review");
    await expect(page.getByRole("heading", { name: "All caught up" })).toBeVisible();
    await expect(page.getByText("1 more card comes due in the next 24 hours.", { exact: false })).toBeVisible();
    await expect.poll(() => isKept(page, "/review")).toBe(true);

    // Offline on the train, three hours later: the kept page offers the card that has come due since.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await page.clock.fastForward("03:00:00");
    await page.getByRole("button", { name: "Show answer" }).click();
    await page.getByRole("button", { name: /Good/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Kept on this device" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "All caught up" })).toBeVisible();

    // Back online, the server takes it, though by its own clock the card is not due for two more hours.
    await context.setOffline(false);
    await page.clock.fastForward("01:00");
    await expect
      .poll(
        async () => {
          const response = await page.request.get("/api/export");
          return ((await response.json()) as { reviews: { rating: number }[] }).reviews.map((r) => r.rating);
        },
        { timeout: 30_000 },
      )
      .toEqual([3]);
  });
});
