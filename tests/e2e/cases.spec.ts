import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp } from "./helpers";

/** Answer the first still-unchecked estimate on the page with a number (graded by the server). */
async function answerOpenEstimates(page: Page, answer: string) {
  const open = page
    .locator("section")
    .filter({ has: page.getByRole("button", { name: "Check my answers" }) })
    .filter({ hasNot: page.locator("textarea") });
  for (let guard = 0; guard < 10 && (await open.count()) > 0; guard++) {
    // Pin the exercise by its title: once checked, it no longer matches `open`.
    const title = await open.first().getByRole("heading").first().innerText();
    const estimate = page.getByRole("region", { name: title, exact: true });
    await estimate.locator("input[type=text]").first().fill(answer);
    await estimate.getByRole("button", { name: "Check my answers" }).click();
    await expect(estimate.getByText(/^Score: \d+%/)).toBeVisible();
  }
}

async function writeNotes(page: Page, text: string) {
  await page.getByLabel("Your notes for this stage").fill(text);
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** Every case the content holds, by the id in its file. */
function caseIds(): string[] {
  const folder = path.join(process.cwd(), "content", "cases");
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".case.json"))
    .map((name) => (JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as { id: string }).id);
}

test.describe("case studies", () => {
  test("every case is listed, opens, reveals its first stage and has no axe violations", async ({ page }) => {
    const ids = caseIds();
    test.setTimeout(60_000 + ids.length * 20_000);
    await signUp(page, "Reader");
    await page.goto("/cases");
    for (const id of ids) await expect(page.locator(`main a[href="/cases/${id}"]`)).toHaveCount(1);
    await page.goto("/learn");
    for (const id of ids) await expect(page.locator(`main a[href="/cases/${id}"]`).first()).toBeVisible();
    for (const id of ids) {
      await page.goto(`/cases/${id}`);
      await page.getByRole("button", { name: "Start the case" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Requirements and scope" })).toBeVisible();
      await writeNotes(page, "Who uses it, how much, how fast; what is out of scope.");
      await page.getByRole("button", { name: "Reveal the reference" }).click();
      await expect(page.getByRole("region", { name: "Reference answer" })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test("the URL shortener in interview mode, stage by stage, to the score card", async ({ page }) => {
    test.setTimeout(240_000);
    await signUp(page, "Candidate");
    await page.goto("/cases");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /Design a URL shortener/ }).click();
    await page.getByLabel(/Interview/).check();
    await page.getByRole("button", { name: "Start the case" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Requirements and scope" })).toBeVisible();
    await expect(page.getByLabel("Interview clock")).toContainText("of 45:00");

    // The design stage's reference is not in the page before it is reached and revealed.
    expect(await page.content()).not.toContain("Creation and redirects take separate paths");

    const visited: string[] = [];
    for (let stage = 0; stage < 8; stage++) {
      const title = await page.getByRole("heading", { level: 2 }).first().innerText();
      visited.push(title);
      await writeNotes(
        page,
        "Reads dominate, about 100 redirects per created link; base62 keys from a counter; cache hot links in Redis.",
      );
      if (title === "Estimation") {
        // One slip early (50 creations a second instead of about 39), carried through: the peak earns follow-through.
        const traffic = page.getByRole("region", { name: "The shortener's traffic and five years of links" });
        await traffic.getByRole("textbox", { name: /created per second on average/ }).fill("50");
        await traffic.getByRole("textbox", { name: /creations per second must the write path take/ }).fill("150");
        await traffic.getByRole("button", { name: "Check my answers" }).click();
        await expect(traffic.getByText("(credit carried from your earlier answer)")).toBeVisible();
      }
      await answerOpenEstimates(page, "100");
      const choices = page.getByRole("radio");
      if ((await choices.count()) > 0) await choices.first().check();
      await page.getByRole("button", { name: "Reveal the reference" }).click();
      await expect(page.getByRole("region", { name: "Reference answer" })).toBeVisible();
      const checklist = page.getByRole("region", { name: "Checklist" });
      await expect(checklist.getByText(/Rule:/).first()).toBeVisible();
      await checklist.getByRole("button", { name: "Missed" }).first().click();
      await expect(checklist.getByText("confirmed").first()).toBeVisible();
      if (title === "High-level design") {
        await expect(page.getByRole("img", { name: /Creation and redirects take separate paths/ })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await page.getByRole("button", { name: /^Next: |^Finish and see the score card$/ }).click();
      if (stage < 7) await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(title);
    }
    expect(visited).toEqual([
      "Requirements and scope",
      "Estimation",
      "API and data model",
      "High-level design",
      "Curveball",
      "Deep dive",
      "Failure modes and trade-offs",
      "Wrap-up",
    ]);
    await expect(
      page.getByRole("heading", { name: /Score card: \d+%, (not yet|mixed signal|hire signal|strong hire signal)/ }),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: /Deep dive/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What to study next" })).toBeVisible();

    await page.goto("/cases");
    await expect(page.getByRole("link", { name: /Design a URL shortener/ })).toContainText(/Done · best \d+%/);

    // Each point marked missed is now a review card due, and the review page serves it.
    const data = await (await page.request.get("/api/export")).json();
    const points = data.cards.filter((card: { cardId: string }) => card.cardId.startsWith("point:case-url-shortener:"));
    expect(points).toHaveLength(8);
    await page.goto("/progress");
    await expect(page.getByRole("table", { name: "Case scores, newest first" })).toContainText(
      "Design a URL shortener",
    );
    await page.goto("/review");
    await expect(page.getByText(/\d+ reviewed · \d+ due/)).toBeVisible();
  });

  test("the chat case in practice mode, every stage worked and revealed, to the score card", async ({ page }) => {
    test.setTimeout(240_000);
    await signUp(page, "Chatter");
    await page.goto("/cases/case-chat");
    await page.getByRole("button", { name: "Start the case" }).click();
    await expect(page.getByLabel("Interview clock")).toHaveCount(0);
    const visited: string[] = [];
    for (let stage = 0; stage < 8; stage++) {
      const title = await page.getByRole("heading", { level: 2 }).first().innerText();
      visited.push(title);
      await writeNotes(
        page,
        "Per-chat sequence numbers; at-least-once delivery with dedup by message id; offline inbox.",
      );
      await answerOpenEstimates(page, "1000");
      const choices = page.getByRole("radio");
      if ((await choices.count()) > 0) await choices.first().check();
      await page.getByRole("button", { name: "Reveal the reference" }).click();
      await expect(page.getByRole("region", { name: "Reference answer" })).toBeVisible();
      await page.getByRole("button", { name: /^Next: |^Finish and see the score card$/ }).click();
      if (stage < 7) await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(title);
    }
    expect(visited).toHaveLength(8);
    expect(visited).toContain("Curveball");
    await expect(
      page.getByRole("heading", { name: /Score card: \d+%, (not yet|mixed signal|hire signal|strong hire signal)/ }),
    ).toBeVisible();
    await page.goto("/progress");
    await expect(page.getByRole("table", { name: "Case scores, newest first" })).toContainText("chat");
  });

  test("the notification case resumes after a reload at the same stage with its notes", async ({ page }) => {
    await signUp(page, "Resumer");
    await page.goto("/cases/case-notification-system");
    await page.getByRole("button", { name: "Start the case" }).click();
    await writeNotes(page, "Who gets what: push, email, SMS; 100M daily users.");
    await page.getByRole("button", { name: "Reveal the reference" }).click();
    await page.getByRole("button", { name: /^Next: Estimation$/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Estimation" })).toBeVisible();
    await writeNotes(page, "1B a day is about 11.6k a second; 3x at the peak.");
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Estimation" })).toBeVisible();
    await expect(page.getByLabel("Your notes for this stage")).toHaveValue(
      "1B a day is about 11.6k a second; 3x at the peak.",
    );
  });

  for (const [width, scheme] of [
    [375, "dark"],
    [375, "light"],
    [1280, "dark"],
  ] as const) {
    test(`the case list and a case page have no axe violations at ${width} px, ${scheme}`, async ({ page }) => {
      // Three axe passes over the thirteen-case list and a case page, after a sign-up: slow on a busy 2-core machine
      // (the first of these runs has been seen near 90 s there).
      test.setTimeout(150_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await signUp(page, "Narrow");
      await page.goto("/cases");
      await expectNoAxeViolations(page);
      await page.goto("/cases/case-news-feed");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Start the case" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Requirements and scope" })).toBeVisible();
      await expectNoAxeViolations(page);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
    });
  }

  test("a case page keeps the phone's width after the reveal", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signUp(page, "Narrow");
    await page.goto("/cases/case-news-feed");
    await page.getByRole("button", { name: "Start the case" }).click();
    await page.getByRole("button", { name: "Reveal the reference" }).click();
    await expect(page.getByRole("region", { name: "Reference answer" })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
  });

  test("malformed, unknown and out-of-order case writes are refused with a message", async ({ page }) => {
    await signUp(page);
    const post = (data: unknown) => page.request.post("/api/cases", { data });
    expect((await post({ kind: "reveal" })).status()).toBe(400);
    const unknown = await post({ clientId: crypto.randomUUID(), caseId: "no-such-case", kind: "reveal" });
    expect(unknown.status()).toBe(404);
    const early = await post({ clientId: crypto.randomUUID(), caseId: "case-url-shortener", kind: "reveal" });
    expect(early.status()).toBe(409);
    expect((await early.json()).error).toMatch(/Start the case/);
  });
});
