import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";

const NOTE = "Who gets what: push, email, SMS; 100M daily users.";
const QUEUE_PREFIX = "envelope:outbox:v2:";

/** The header's save status on a page. */
function saveStatus(page: Page, text: string) {
  return page.getByRole("banner").getByText(text, { exact: true });
}

/** Fill the review deck with a module's flashcards and wait for the first one. */
async function fillDeck(page: Page) {
  await page.goto("/review");
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
}

async function rateGood(page: Page) {
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /Good/ }).click();
}

/** The review log rows the server holds for whoever is signed in on this page. */
async function storedReviews(page: Page): Promise<{ clientId: string }[]> {
  const response = await page.request.get("/api/export");
  expect(response.status()).toBe(200);
  const data = (await response.json()) as { reviews: { clientId: string }[] };
  return data.reviews;
}

/** The outbox queues this browser holds, by key, with how many writes wait in each. */
function queues(page: Page): Promise<Record<string, number>> {
  return page.evaluate((prefix) => {
    const found: Record<string, number> = {};
    for (const key of Object.keys(localStorage))
      if (key.startsWith(prefix)) found[key] = (JSON.parse(localStorage.getItem(key) ?? "[]") as unknown[]).length;
    return found;
  }, QUEUE_PREFIX);
}

async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name: new RegExp(`Account menu for ${name}`) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
}

async function signIn(page: Page, email: string, name: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: new RegExp(`Account menu for ${name}`) })).toBeVisible();
}

test("a rating and a case note made offline wait in the header's count and are stored exactly once on reconnect", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Ada");
  await fillDeck(page);
  await expect(saveStatus(page, "Saved")).toBeVisible();

  // A second tab on a phone-sized screen, with a case under way.
  const casePage = await context.newPage();
  await casePage.setViewportSize({ width: 375, height: 800 });
  await casePage.goto("/cases/case-notification-system");
  await casePage.getByRole("button", { name: "Start the case" }).click();
  await expect(casePage.getByRole("heading", { level: 2, name: "Requirements and scope" })).toBeVisible();

  await context.setOffline(true);
  await page.bringToFront();
  await rateGood(page);
  // The learner goes on as when online; the write waits on the device.
  await expect(page.getByText(/^Rated Good\. Next review in .+ Kept on this device/)).toBeVisible();
  await expect(saveStatus(page, "Offline, will retry · 1 waiting")).toBeVisible();

  await casePage.bringToFront();
  await casePage.getByLabel("Your notes for this stage").fill(NOTE);
  await expect(casePage.getByText("Kept on this device; it will be saved when Envelope can be reached.")).toBeVisible();
  await expect(saveStatus(casePage, "Offline, will retry · 2 waiting")).toBeVisible();
  // One queue per learner, shared by the learner's tabs: the first tab counts the note too.
  await expect(saveStatus(page, "Offline, will retry · 2 waiting")).toBeVisible();

  // The status fits a 375 px screen and is accessible in both themes.
  expect(await casePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  for (const scheme of ["light", "dark"] as const) {
    await switchScheme(casePage, scheme);
    await expectNoAxeViolations(casePage);
  }

  // Back online: both tabs replay the same queue at once, and the client ids keep it to one of each.
  await context.setOffline(false);
  await expect(saveStatus(casePage, "Saved")).toBeVisible();
  await expect(saveStatus(page, "Saved")).toBeVisible();
  expect(await queues(page)).toEqual({});

  const reviews = await storedReviews(page);
  expect(reviews).toHaveLength(1);
  await casePage.reload();
  await expect(casePage.getByLabel("Your notes for this stage")).toHaveValue(NOTE);
  await page.reload();
  await expect(page.getByText(/^19 new cards left today/)).toBeVisible();
});

test("a learner's waiting write is never sent by another learner signing in on the same browser", async ({ page }) => {
  test.setTimeout(120_000);
  const adaEmail = await signUp(page, "Ada");
  await fillDeck(page);

  // The database is out for ratings: Ada's rating waits on the device.
  await page.route("**/api/reviews", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: "The database is not answering. Try again in a moment." }),
    }),
  );
  await rateGood(page);
  await expect(saveStatus(page, "Offline, will retry · 1 waiting")).toBeVisible();
  const adaQueue = await queues(page);
  expect(Object.values(adaQueue)).toEqual([1]);

  // Ada signs out; the server recovers; Bob signs up on this browser and works.
  await signOut(page, "Ada");
  await page.unroute("**/api/reviews");
  const ratingsSent: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/reviews") ratingsSent.push(request.postData() ?? "");
  });
  await signUp(page, "Bob");
  await fillDeck(page);
  await expect(saveStatus(page, "Saved")).toBeVisible();
  await page.reload();
  await expect(saveStatus(page, "Saved")).toBeVisible();
  expect(ratingsSent).toEqual([]);
  expect(await storedReviews(page)).toEqual([]);
  // Ada's write is still on the device, under her key only.
  expect(await queues(page)).toEqual(adaQueue);

  // Ada signs in again: her rating goes with her own session, once.
  await signOut(page, "Bob");
  const delivered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/reviews");
  await signIn(page, adaEmail, "Ada");
  expect((await delivered).status()).toBe(201);
  await expect(saveStatus(page, "Saved")).toBeVisible();
  expect(await queues(page)).toEqual({});
  expect(await storedReviews(page)).toHaveLength(1);
});
