import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";

/** The reviews a day over six months in a retention's row ("81 / 28" → 28). */
async function sixMonthReviews(table: Locator, retention: string): Promise<number> {
  const row = table.getByRole("row", { name: new RegExp(`^${retention.replace(".", "\\.")}`) });
  const cell = await row.getByRole("cell").first().innerText();
  const match = /\/\s*([\d.]+)/.exec(cell);
  if (!match?.[1]) throw new Error(`no six-month figure in "${cell}"`);
  return Number(match[1]);
}

/** The page is no wider than the window (nothing scrolls sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("beside the retention slider, what each choice costs with the learner's own cards", async ({ page }) => {
  // Sign-up, adding a module, a reload, a slider move and two accessibility scans, on a shared two-core machine.
  test.setTimeout(90_000);
  await signUp(page, "Planner");

  await page.goto("/review");
  const settings = page.getByRole("region", { name: "Settings" });
  const table = settings.getByRole("table", { name: /What each retention costs with your cards/ });
  // An empty deck: the table is there, with zeros and a sentence that says why.
  await expect(table).toBeVisible();
  await expect(settings.getByText(/Your deck is empty, so there is nothing to review yet/)).toBeVisible();

  // Adding a module works the table out again, without a reload.
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();
  await expect(settings.getByText(/^At 0\.90 you would review about \d+ cards? a day/)).toBeVisible();

  // Opening /review afresh: the figures beside the slider, the learner's 0.90 highlighted.
  await page.goto("/review");
  await expect(table.getByRole("row")).toHaveCount(6); // the header and 0.80, 0.85, 0.90, 0.95, 0.97
  await expect(table.getByRole("row", { name: /^0\.90 \(chosen\)/ })).toHaveAttribute("aria-current", "true");
  await expect(
    settings.getByText(/^At 0\.90 you would review about \d+ cards? a day over the next six months/),
  ).toBeVisible();
  const at90 = await sixMonthReviews(table, "0.90");
  const at95 = await sixMonthReviews(table, "0.95");
  expect(at95).toBeGreaterThan(at90);

  // Moving the slider moves the highlight and the sentence; the saved row stays marked.
  await settings.getByLabel(/Desired retention/).fill("0.95");
  await expect(table.getByRole("row", { name: /^0\.95 \(chosen\)/ })).toHaveAttribute("aria-current", "true");
  await expect(table.getByRole("row", { name: /^0\.90 \(saved\)/ })).toBeVisible();
  await expect(
    settings.getByText(
      /^At 0\.95 you would review about \d+ cards? a day over the next six months .*, \d+ more than at 0\.90\.$/,
    ),
  ).toBeVisible();

  await switchScheme(page, "light");
  await expectNoAxeViolations(page);
  await switchScheme(page, "dark");
  await expectNoAxeViolations(page);

  // A 375 px phone: the table fits without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 740 });
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeVisible();
  await expectNoSidewaysScroll(page);
});
