import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp, missImageApiStep } from "./helpers";

test("visitors see the marketing page", async ({ page }) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Get the numbers right before the interview does." }),
  ).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Create a free account" })).toBeVisible();
});

test("a signed-in learner's home is today's plan: welcomed first, then reviews, the lesson to continue and what comes next", async ({
  page,
}) => {
  await signUp(page, "Newcomer");
  await page.goto("/");
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByRole("radio", { name: "No date yet" }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByRole("button", { name: "Skip the placement" }).click();
  await expect(page).toHaveURL(/\/today$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Today, Newcomer" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Why scale decides the design" })).toHaveAttribute(
    "href",
    "/learn/scale-in-interviews",
  );
  await expect(main.getByRole("link", { name: /^Review/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expectNoAxeViolations(page);

  // Open lesson 2 and miss a step: the missed step is a card to review today, and lesson 2 is where to continue.
  await page.goto("/learn/numbers-to-know");
  await missImageApiStep(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/today$/);
  await expect(main.getByRole("link", { name: "Review 1 card" })).toHaveAttribute("href", "/review");
  await expect(main.getByText("Or continue where you left off:")).toBeVisible();
  await expect(main.getByRole("link", { name: "The numbers to carry in your head" })).toHaveAttribute(
    "href",
    "/learn/numbers-to-know",
  );
  await expect(main.getByRole("heading", { name: "The next days" })).toBeVisible();
  await expectNoAxeViolations(page);
});
