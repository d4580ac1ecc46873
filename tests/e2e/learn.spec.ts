import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";

test.describe("lessons", () => {
  test("answer an embedded estimate (one step right, one wrong), see verdicts and the worked solution, reload and still see it", async ({
    page,
  }) => {
    await signUp(page);
    await page.goto("/learn");
    await expect(page.getByRole("progressbar", { name: "Estimation progress" })).toHaveAttribute("aria-valuenow", "0");
    await page.getByRole("link", { name: /The numbers to carry in your head/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The numbers to carry in your head" })).toBeVisible();

    const exercise = page.getByRole("region", { name: "The link an image API needs" });
    const bytes = exercise.getByRole("textbox", { name: /bytes leave the servers/ });
    const bits = exercise.getByRole("textbox", { name: /unit a network engineer uses/ });
    await bytes.fill("5 GB/s");
    await expect(exercise.getByText("read as 5,000 MB/s")).toBeVisible();
    await bits.fill("5 Gbps");
    await exercise.getByRole("button", { name: "Check my answers" }).click();

    await expect(exercise.getByText("Score: 33%")).toBeVisible();
    const verdicts = exercise.locator("[data-verdict]");
    await expect(verdicts.nth(0)).toHaveAttribute("data-verdict", "exact");
    await expect(verdicts.nth(1)).toHaveAttribute("data-verdict", "off");
    await expect(exercise.getByText(/Bits versus bytes/).first()).toBeVisible();
    // Focus moves to the verdict; the references wait until asked for.
    await expect(exercise.getByText("Score: 33%").locator("..")).toBeFocused();
    await expect(exercise.getByText("Worked solution", { exact: true })).toHaveCount(0);
    await expect(exercise.getByText(/^Reference:/)).toHaveCount(0);
    await exercise.getByRole("button", { name: "Show the worked solution" }).click();
    await expect(exercise.getByText("Worked solution", { exact: true })).toBeVisible();
    await expect(exercise.getByText("5,000 MB/s × 8 bits/byte")).toBeVisible();
    await expect(exercise.getByText("Your answer first went off here.")).toBeVisible();
    await expect(exercise.getByText("= 40 Gbps")).toBeVisible();

    await page.reload();
    const again = page.getByRole("region", { name: "The link an image API needs" });
    await expect(again.getByRole("textbox", { name: /bytes leave the servers/ })).toHaveValue("5 GB/s");
    await expect(again.getByText("(your last attempt)")).toBeVisible();
    await expect(again.locator("[data-verdict]").nth(1)).toHaveAttribute("data-verdict", "off");
  });

  test("reaching the end of a lesson marks it complete in the lesson list", async ({ page }) => {
    await signUp(page);
    const completed = page.waitForResponse(
      (r) =>
        r.url().endsWith("/api/lessons/scale-in-interviews/progress") &&
        r.request().postData()?.includes("completed") === true,
    );
    await page.goto("/learn/scale-in-interviews");
    await page.getByText("Reaching this point marks the lesson complete.").scrollIntoViewIfNeeded();
    expect((await completed).status()).toBe(200);
    await page.goto("/learn");
    await expect(page.getByRole("progressbar", { name: "Estimation progress" })).toHaveAttribute("aria-valuenow", "1");
    await expect(page.getByRole("link", { name: /Why scale decides the design/ })).toContainText("Completed");
  });

  test("the lesson list and every lesson render with no axe violations, in light and dark", async ({ page }) => {
    // Twenty-seven lessons, each rendered and checked by axe twice: minutes on a loaded 2-core machine.
    test.setTimeout(600_000);
    await signUp(page);
    await page.goto("/learn");
    await expectNoAxeViolations(page);
    const hrefs = await page
      .locator('a[href^="/learn/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThanOrEqual(27);
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: "Check my answers" }).first()).toBeVisible();
      for (const colorScheme of ["light", "dark"] as const) {
        await switchScheme(page, colorScheme);
        await expectNoAxeViolations(page);
      }
    }
  });
});

test.describe("practice", () => {
  test("a drill gives a different variant each run, graded with a worked solution", async ({ page }) => {
    await signUp(page);
    await page.goto("/practice");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /DR-01/ }).first().click();
    const runner = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2 }) })
      .first();
    const givens = async () => (await runner.locator("dl").innerText()).trim();
    const first = await givens();

    const inputs = runner.getByRole("textbox");
    await inputs.first().fill("1000");
    await runner.getByRole("button", { name: "Check my answers" }).click();
    await expect(runner.getByText(/^Score: \d+%/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Another one" })).toHaveClass(/btn-secondary/);
    await expectNoAxeViolations(page);

    // A retry before the reveal is graded but not stored: only the first check of these numbers counts.
    await inputs.first().fill("2000");
    await runner.getByRole("button", { name: "Check again" }).click();
    await expect(runner.getByText(/on this re-check/)).toBeVisible();
    await runner.getByRole("button", { name: "Show the worked solution" }).click();
    await expect(runner.getByText("Worked solution", { exact: true })).toBeVisible();
    await expect(runner.getByRole("button", { name: "Check again" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Another one" })).toHaveClass(/btn-primary/);
    const stored = await (await page.request.get("/api/export")).json();
    expect(stored.attempts.filter((a: { source: string }) => a.source === "drill")).toHaveLength(1);

    await page.getByRole("button", { name: "Another one" }).click();
    await expect(runner.getByRole("button", { name: "Check my answers" })).toBeVisible();
    await expect.poll(givens).not.toBe(first);
    await expect(page.getByRole("heading", { name: "Your last runs" })).toBeVisible();
    await expect(page.locator("table").last()).toContainText("%");
  });

  test("a range step's echo and its grade agree, and an answer box stops at 200 characters", async ({ page }) => {
    await signUp(page);
    await page.goto("/practice/drill-calibrate-chat-message-size");
    const box = page.getByRole("textbox").last();
    await box.fill("1k");
    await expect(page.getByText(/but this step asks for a range/)).toBeVisible();
    await box.fill("2".repeat(300));
    await expect(box).toHaveValue("2".repeat(200));
  });

  test("malformed and forged submissions are refused with a 400 and a message", async ({ page }) => {
    await signUp(page);
    const malformed = await page.request.post("/api/attempts", {
      data: Buffer.from("{not json"),
      headers: { "Content-Type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toEqual({ error: "The request body is not valid JSON." });
    const forged = await page.request.post("/api/attempts", {
      data: {
        clientId: "6f0c2d5e-2a8b-4c5e-9f1a-0d3e4b5c6a7f",
        exerciseId: "numbers-image-api-gbps",
        seed: 7,
        token: "forged-token-0000000000",
        source: "lesson",
        answers: { bytesOut: "1" },
        elapsedMs: 1000,
      },
    });
    expect(forged.status()).toBe(400);
    expect((await forged.json()).error).toMatch(/not served by Envelope/);
    const unknown = await page.request.post("/api/variants", { data: { drillId: "no-such-drill" } });
    expect(unknown.status()).toBe(400);
  });
});

test.describe("offline", () => {
  test("an answer given offline waits in the outbox and is stored exactly once on reconnect", async ({
    page,
    context,
  }) => {
    await signUp(page);
    await page.goto("/learn/numbers-to-know");
    const exercise = page.getByRole("region", { name: "The link an image API needs" });
    await exercise.getByRole("textbox", { name: /bytes leave the servers/ }).fill("5 GB/s");
    await context.setOffline(true);
    await exercise.getByRole("button", { name: "Check my answers" }).click();
    await expect(exercise.getByText(/You are offline\. Your answers are saved on this device/)).toBeVisible();
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(exercise.getByText("Score: 33%")).toBeVisible();
    await expect
      .poll(async () => {
        const data = await (await page.request.get("/api/export")).json();
        return data.attempts.filter((a: { exerciseId: string }) => a.exerciseId === "numbers-image-api-gbps").length;
      })
      .toBe(1);
    await page.reload();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("envelope:outbox"))).toBeNull();
    const data = await (await page.request.get("/api/export")).json();
    expect(data.attempts.filter((a: { exerciseId: string }) => a.exerciseId === "numbers-image-api-gbps")).toHaveLength(
      1,
    );
  });
});
