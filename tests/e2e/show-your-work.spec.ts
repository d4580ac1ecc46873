import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

test.describe("show your work", () => {
  test("a visitor decomposes an open drill in the scratchpad by keyboard, then signs up and keeps the attempt once", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Try a drill now, no account needed" }).click();
    await expect(page).toHaveURL(/\/practice\/drill-dau-to-peak-qps$/);
    await page.getByRole("button", { name: /^Open/ }).click();
    await expect(page.getByRole("button", { name: /^Open/ })).toHaveAttribute("aria-pressed", "true");
    const exercise = page.getByRole("region").filter({ has: page.getByText("Open estimate: no steps are given.") });
    await expect(exercise.getByRole("textbox", { name: "Your final answer" })).toBeVisible();
    // Only the question is asked: the hidden steps' prompts are not on the page.
    await expect(exercise.getByRole("textbox")).toHaveCount(2);

    const pad = exercise.getByRole("group", { name: "Scratchpad" });
    await pad.getByRole("textbox", { name: "Scratchpad line 1" }).click();
    await page.keyboard.type("daily = dau * actions / 1 day");
    await page.keyboard.press("Enter");
    await expect(pad.getByRole("textbox", { name: "Scratchpad line 2" })).toBeFocused();
    // A slip: ten times the peak factor.
    await page.keyboard.type("p = daily * peak * 10");
    await page.keyboard.press("Enter");
    await page.keyboard.type("p to nonsense units");
    await expect(pad.getByRole("listitem").nth(2)).toContainText(/unit|name/i);
    await page.keyboard.press("ArrowUp");
    await expect(pad.getByRole("textbox", { name: "Scratchpad line 2" })).toBeFocused();
    const echo = (await pad.getByRole("listitem").nth(1).innerText()).match(/= ([\d,.]+[kMB]?)\/s/);
    expect(echo).not.toBeNull();
    await exercise.getByRole("textbox", { name: "Your final answer" }).fill(`${echo?.[1] ?? ""} requests/s`);
    await pad.getByRole("textbox", { name: "Scratchpad line 2" }).click();
    await page.keyboard.press("Control+Enter");

    const chain = exercise.getByRole("region", { name: "Your chain against the reference" });
    await expect(chain).toContainText(/Your line 2 \([\d,.]+ requests\/s\) is 10× the reference step “/);
    await expect(chain).toContainText(/From line 1 you multiplied by \d+ where the reference multiplies by \d/);
    // The slip is on the last step itself, so no follow-through: the final answer is graded against the reference.
    await expect(exercise.getByText(/^Score: \d+%/)).toBeVisible();
    await expect(exercise.getByText(/^(Off|Right order of magnitude): [\d.]+× the reference/)).toBeVisible();
    await expect(exercise.getByText(/Kept on this device/)).toBeVisible();
    await exercise.getByRole("button", { name: "Show the worked solution" }).click();
    await expect(exercise.getByRole("region", { name: "Your scratchpad" })).toContainText("p = daily * peak * 10");
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: "light" });

    // Sign up: the attempt made as a visitor is sent once, with its client id.
    await page.goto("/sign-up");
    await page.getByLabel("Name (optional)").fill("Visitor");
    await page.getByLabel("Email").fill(uniqueEmail());
    await page.getByLabel("Password").fill("a good long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("button", { name: /Account menu for Visitor/ })).toBeVisible();
    await expect
      .poll(async () => {
        await page.goto("/practice/drill-dau-to-peak-qps");
        return page.getByRole("table").locator("tbody tr").count();
      })
      .toBe(1);
    await page.reload();
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
    const stored = await (await page.request.get("/api/export")).json();
    const drills = stored.attempts.filter((a: { source: string }) => a.source === "drill");
    expect(drills).toHaveLength(1);
  });

  test("the reference sheet opens beside an exercise without leaving it", async ({ page }) => {
    await page.goto("/practice/drill-dau-to-peak-qps");
    const answer = page.getByRole("textbox").first();
    await answer.fill("12k");
    await page.getByRole("button", { name: "Reference" }).first().click();
    const panel = page.getByRole("dialog");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("table").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(page).toHaveURL(/\/practice\/drill-dau-to-peak-qps$/);
    await expect(answer).toHaveValue("12k");
  });
});
