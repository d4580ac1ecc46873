import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp, missImageApiStep } from "./helpers";

test("a missed step becomes a card; review three cards with the keyboard, undo one, and see the dashboard", async ({
  page,
}) => {
  // A long walk (lesson, review, reload, dashboard, two accessibility scans) on a shared two-core machine.
  test.setTimeout(90_000);
  await signUp(page, "Reviewer");

  // A lesson exercise with one wrong step: the missed step becomes a card. Opening the lesson adds no flashcards.
  const started = page.waitForResponse(
    (r) =>
      r.url().endsWith("/api/lessons/numbers-to-know/progress") && r.request().postData()?.includes("started") === true,
  );
  await page.goto("/learn/numbers-to-know");
  expect(await (await started).json()).toMatchObject({ cardsAdded: 0 });
  await missImageApiStep(page);

  await page.goto("/review");
  await expect(page.getByText("1 card, 1 of them estimation steps.")).toBeVisible();
  // Adding a module introduces its new cards 20 a day, after the missed step.
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();
  await expect(page.getByText(/^20 new cards left today · \d+ waiting$/)).toBeVisible();
  await expect(page.getByText(/^0 reviewed · 21 due$/)).toBeVisible();
  const step = page.getByRole("region", { name: "Estimation review" });
  await expect(step.getByRole("heading", { name: "The link an image API needs" })).toBeVisible();
  await expect(step.getByRole("textbox")).toBeFocused();

  // 1: the step card, answered with the keyboard (Enter submits, Enter again moves on).
  await page.keyboard.type("1 Gbps");
  await page.keyboard.press("Enter");
  await expect(step.locator("[data-verdict]")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /next review in/ })).toBeVisible();
  await expect(step.getByRole("button", { name: "Next card" })).toBeFocused();
  await page.keyboard.press("Enter");

  // 2 and 3: flashcards, Space reveals and 3 rates Good.
  const card = page.getByRole("region", { name: "Flashcard" });
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  const firstQuestion = await card.locator("p").nth(1).innerText();
  await page.keyboard.press("Space");
  await expect(card.getByText("Answer", { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: /Good/ })).toContainText("10m");
  await page.keyboard.press("3");
  await expect(page.getByText("Rated Good. Next review in 10m.")).toBeVisible();
  const secondQuestion = await card.locator("p").nth(1).innerText();
  expect(secondQuestion).not.toBe(firstQuestion);
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  await expect(page.getByText(/Rated Again/)).toBeVisible();
  await expect(page.getByText(/^3 reviewed/)).toBeVisible();
  await expect(page.getByText(/^18 new cards left today/)).toBeVisible();

  // Undo the last rating: the same card is back, unrated.
  await page.keyboard.press("Control+z");
  await expect(page.getByText("Last rating undone. The card is back as it was.")).toBeVisible();
  await expect(card.locator("p").nth(1)).toHaveText(secondQuestion);
  await expect(page.getByText(/^2 reviewed/)).toBeVisible();
  await expect(page.getByText(/^19 new cards left today/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Reloading keeps the day's count: it comes from the review log.
  await page.reload();
  await expect(page.getByText(/^19 new cards left today/)).toBeVisible();

  // The dashboard draws the data.
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: /Reviews in the last year/ })).toBeVisible();
  await expect(page.getByText(/Reviews on 1 of the last 365 days/)).toBeAttached();
  await expect(page.locator("#forecast").locator("..").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(
    page.locator("#accuracy").locator("..").locator(".recharts-line-curve, .recharts-line-dot").first(),
  ).toBeAttached();
  await expect(page.getByRole("region", { name: "Weakest skills" }).getByRole("link").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a new account sees useful empty states, not empty axes", async ({ page }) => {
  await signUp(page);
  await page.goto("/progress");
  await expect(page.getByText(/No reviews yet. Start a lesson/)).toBeVisible();
  await expect(page.getByText(/Answer the estimates in a/)).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Your deck is empty" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add all cards of Building blocks" })).toBeVisible();
  // The written case studies open their slots, so their cards can be added too.
  await expect(page.getByRole("button", { name: /Add all cards of Case studies/ })).toBeVisible();
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await expect(page.getByText(/^0 reviewed · 20 due$/)).toBeVisible();
  await expect(page.getByText(/^20 new cards left today · \d+ waiting$/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("new cards per day is a setting, checked on the server", async ({ page }) => {
  await signUp(page);
  await page.goto("/review");
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/^20 new cards left today/)).toBeVisible();
  const perDay = page.getByLabel("New cards per day");
  await expect(perDay).toHaveValue("20");
  await perDay.fill("201");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("New cards per day is at most 200", { exact: false })).toBeVisible();
  await perDay.fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^5 new cards left today/)).toBeVisible();
  await expect(page.getByText(/^0 reviewed · 5 due$/)).toBeVisible();
});
