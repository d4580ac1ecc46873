import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("on a 375 px phone the review page keeps the scenario in view and hides the keyboard help", async ({ page }) => {
  await signUp(page, "Thumbs");
  await page.goto("/learn/numbers-to-know");
  const exercise = page.getByRole("region", { name: "The link an image API needs" });
  await exercise.getByRole("textbox", { name: /bytes leave the servers/ }).fill("5 GB/s");
  await exercise.getByRole("textbox", { name: /unit a network engineer uses/ }).fill("5 Gbps");
  await exercise.getByRole("button", { name: "Check my answers" }).click();
  await expect(exercise.getByText("Score: 33%")).toBeVisible();

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
