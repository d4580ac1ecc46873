import { expect, test } from "@playwright/test";
import { signUp, missImageApiStep } from "./helpers";

test("on a 375 px phone the review page keeps the scenario in view and hides the keyboard help", async ({ page }) => {
  await signUp(page, "Thumbs");
  await page.goto("/learn/numbers-to-know");
  await missImageApiStep(page);

  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto("/review");
  const step = page.getByRole("region", { name: "Estimation review" });
  await expect(step.getByRole("textbox")).toBeFocused();
  await expect(step.locator("h2 + p")).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole("heading", { name: "Keys" })).toBeHidden();

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole("heading", { name: "Keys" })).toBeVisible();
});
