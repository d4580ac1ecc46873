import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export function uniqueEmail(): string {
  return `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Create a fresh account through the sign-up form and end signed in. */
export async function signUp(page: Page, name = "Learner"): Promise<string> {
  const email = uniqueEmail();
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: new RegExp(`Account menu for ${name}`) })).toBeVisible();
  return email;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/**
 * On the lesson page that is open, answer "The link an image API needs" with the bytes right and the bits wrong
 * (5 Gbps for 40 Gbps): a 33 % score and one missed step, which becomes a review card due now.
 */
export async function missImageApiStep(page: Page): Promise<Locator> {
  const exercise = page.getByRole("region", { name: "The link an image API needs" });
  await exercise.getByRole("textbox", { name: /bytes leave the servers/ }).fill("5 GB/s");
  await exercise.getByRole("textbox", { name: /unit a network engineer uses/ }).fill("5 Gbps");
  await exercise.getByRole("button", { name: "Check my answers" }).click();
  await expect(exercise.getByText("Score: 33%")).toBeVisible();
  return exercise;
}

/** Switch the colour scheme and wait for the buttons' colour transitions to end, so axe sees the settled colours. */
export async function switchScheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
}
