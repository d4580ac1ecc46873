import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp, missImageApiStep } from "./helpers";

test("visitors see the marketing page", async ({ page }) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Get the numbers right before the interview does." }),
  ).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Create a free account" })).toBeVisible();
});

test("after sign-up the home page says where to start, then where to continue, what is due and what comes next", async ({
  page,
}) => {
  await signUp(page, "Newcomer");
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Welcome, Newcomer" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Start with lesson 1" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Start lesson 1" })).toHaveAttribute(
    "href",
    "/learn/scale-in-interviews",
  );
  await expect(main.getByRole("link", { name: "Try the drill" })).toHaveAttribute("href", /^\/practice\/drill-/);
  await expect(main.getByRole("link", { name: "Create a free account" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Open lesson 2 and miss a step: that lesson is where to continue, and the missed step is a card due now.
  await page.goto("/learn/numbers-to-know");
  await missImageApiStep(page);

  await page.goto("/");
  await expect(main.getByRole("heading", { level: 1, name: "Welcome back, Newcomer" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Continue where you left off" })).toBeVisible();
  await expect(main.getByText("The numbers to carry in your head")).toBeVisible();
  await expect(main.getByRole("link", { name: "Continue lesson 2" })).toHaveAttribute("href", "/learn/numbers-to-know");
  await expect(main.getByText("1 card due now")).toBeVisible();
  await expect(main.getByRole("link", { name: "Review now" })).toHaveAttribute("href", "/review");
  await expect(main.getByRole("heading", { name: "Next lesson" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Open lesson 1" })).toHaveAttribute("href", "/learn/scale-in-interviews");
  await expectNoAxeViolations(page);
});
