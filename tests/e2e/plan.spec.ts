import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";
import { makeBacklog, moveLearnerClock } from "./learner-clock";

/** The day `days` from now, as a date input takes it (the browser and the server both run in UTC here). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Check an exercise with only its first answer typed, and a wrong one: a missed step that comes back as a card. */
async function missFirstStep(page: Page) {
  const exercise = page.getByRole("main").getByRole("region").first();
  await exercise.getByRole("textbox").first().fill("1");
  await exercise.getByRole("button", { name: "Check my answers" }).click();
  await expect(exercise.getByText(/^Score: \d+%/)).toBeVisible();
}

const plan = (page: Page) => page.getByRole("region", { name: "Today's plan" });

async function expectAxeInBothThemes(page: Page) {
  for (const scheme of ["light", "dark"] as const) {
    await switchScheme(page, scheme);
    await expectNoAxeViolations(page);
  }
}

test("a new learner sets a date three weeks out, places, follows today's plan, and tomorrow's plan follows their misses", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = await signUp(page, "Planner");

  // Sign-up lands a new learner on the welcome page.
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Planner" })).toBeVisible();
  await expectAxeInBothThemes(page);
  await expect(page.getByRole("radio", { name: "On a date" })).toBeChecked();
  await page.getByLabel("Interview date").fill(dayFromNow(-3));
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The interview date has passed" })).toBeVisible();
  await page.getByLabel("Interview date").fill(dayFromNow(21));
  await page.getByLabel("Minutes a day").selectOption("30");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // The placement: the first question missed, the rest skipped.
  await expect(page.getByRole("heading", { name: "2. A five-minute placement" })).toBeFocused();
  await expect(page.getByRole("heading", { name: /^Question 1 of 4/ })).toBeVisible();
  await missFirstStep(page);
  await expectAxeInBothThemes(page);
  await page.getByRole("button", { name: "Next question" }).click();
  for (const n of [2, 3]) {
    await expect(page.getByRole("heading", { name: new RegExp(`^Question ${n} of 4`) })).toBeVisible();
    await page.getByRole("button", { name: "Skip this one" }).click();
  }
  await expect(page.getByRole("heading", { name: /^Question 4 of 4/ })).toBeVisible();
  await page.getByRole("button", { name: "See my plan" }).click();

  // Today: reviews (the missed step), lesson 1 and drills, with a bar for the day.
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { level: 1, name: "Today, Planner" })).toBeVisible();
  await expect(page.getByText(/^Your interview is in 21 days, on/)).toBeVisible();
  // The placement's drill counts for today already; the rest is to do.
  await expect(plan(page).getByRole("progressbar", { name: "Today" })).toHaveAttribute(
    "aria-valuetext",
    /^\d+ of \d+ minutes done$/,
  );
  await expect(plan(page).getByText("(to do)").first()).toBeAttached();
  await expect(plan(page).getByRole("link", { name: /^Review \d+ cards?$/ })).toBeVisible();
  const lesson = plan(page).getByRole("link", { name: "Why scale decides the design" });
  await expect(lesson).toHaveAttribute("href", "/learn/scale-in-interviews");
  const drillLinks = plan(page).locator('a[href^="/practice/"]');
  const drills = await drillLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(drills.length).toBeGreaterThanOrEqual(2);
  await expectAxeInBothThemes(page);

  // Do all of it: each drill (missing a step), the lesson (read to its end), then the reviews due.
  for (const href of drills) {
    await page.goto(href);
    await missFirstStep(page);
  }
  await page.goto("/learn/scale-in-interviews");
  const completed = page.waitForResponse(
    (response) => response.url().endsWith("/api/lessons/scale-in-interviews/progress") && response.status() === 200,
  );
  await page.getByText("Reaching this point marks the lesson complete").scrollIntoViewIfNeeded();
  await completed;
  await page.goto("/review");
  const step = page.getByRole("region", { name: "Estimation review" });
  for (let i = 0; i < 20 && (await step.isVisible()); i++) {
    await step.getByRole("textbox").fill("1");
    await page.keyboard.press("Enter");
    await expect(step.getByRole("button", { name: "Next card" })).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(step).toHaveCount(0);

  await page.goto("/today");
  const bar = plan(page).getByRole("progressbar", { name: "Today" });
  await expect(bar).toHaveAttribute("aria-valuenow", (await bar.getAttribute("aria-valuemax")) ?? "");
  await expect(plan(page).getByText("Done for today.")).toBeVisible();
  await expect(plan(page).getByText("(to do)")).toHaveCount(0);

  // The next day: lesson 2, the missed steps back as reviews, and the drills of the skills missed, the placement's first.
  await moveLearnerClock(email, 1);
  await page.reload();
  await expect(page.getByText(/^Your interview is in 20 days, on/)).toBeVisible();
  await expect(plan(page).getByRole("progressbar", { name: "Today" })).toHaveAttribute("aria-valuenow", "0");
  await expect(plan(page).getByRole("link", { name: "Why scale decides the design" })).toHaveCount(0);
  await expect(plan(page).locator('a[href^="/learn/"]').first()).toHaveAttribute("href", "/learn/numbers-to-know");
  await expect(plan(page).getByRole("link", { name: /^Review \d+ cards?$/ })).toBeVisible();
  const tomorrow = await plan(page)
    .locator('a[href^="/practice/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(tomorrow[0]).toBe("/practice/drill-dau-to-peak-qps");
  const missed = new Set([...drills, "/practice/drill-dau-to-peak-qps"]);
  expect(tomorrow.every((href) => missed.has(href))).toBe(true);
  await expectAxeInBothThemes(page);

  // "Ready by the date?" on the progress page.
  await page.goto("/progress");
  const ready = page.getByRole("region", { name: /^Ready by / });
  await expect(ready.getByText("Lessons done by then, if you follow the plan")).toBeVisible();
  await expect(ready.getByText(/of 27/)).toBeVisible();
  await expectAxeInBothThemes(page);
});

test("a learner who skips the placement with no date gets a plan at their own pace", async ({ page }) => {
  await signUp(page, "Skipper");
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByRole("radio", { name: "No date yet" }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByRole("button", { name: "Skip the placement" }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByText("No interview date yet")).toBeVisible();
  await expect(plan(page).getByText(/At 30 minutes a day, \d+ lessons and \d+ cases take until/)).toBeVisible();
  // The home page is the plan once onboarded, and the welcome page does not come back.
  await page.goto("/");
  await expect(page).toHaveURL(/\/today$/);
  await page.goto("/progress");
  await expect(page.getByRole("region", { name: "Ready by the date?" })).toContainText("Set your interview date");
});

test("back from a break, a learner spreads a large backlog over the next days", async ({ page }) => {
  const email = await signUp(page, "Returner");
  await page.goto("/review");
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await makeBacklog(email);
  await page.reload();
  const backlog = page.getByRole("region", { name: /^\d+ reviews are waiting$/ });
  await expect(backlog).toBeVisible();
  const waiting = Number((await backlog.getByRole("heading").innerText()).split(" ")[0]);
  expect(waiting).toBeGreaterThan(30);
  await expectAxeInBothThemes(page);
  await backlog.getByLabel("Reviews a day").selectOption("20");
  await backlog.getByRole("button", { name: "Spread my reviews" }).click();
  const said = page.getByRole("status").filter({ hasText: /stay for today/ });
  await expect(said).toHaveText(/^\d+ stay for today; \d+ moved to the next \d+ days?\.$/);
  const [kept = 0, moved = 0] = ((await said.innerText()).match(/\d+/g) ?? []).map(Number);
  expect(kept).toBeLessThanOrEqual(20);
  expect(kept + moved).toBe(waiting);
  // The page now holds a day's worth: no backlog offer, and only the reviews kept are due (every card is learned).
  await expect(page.getByRole("region", { name: /reviews are waiting$/ })).toHaveCount(0);
  await expect(page.getByText(new RegExp(`^0 reviewed · ${kept} due$`))).toBeVisible();
  await expectAxeInBothThemes(page);
});
