import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";

// Runs against the course's own content: the first lesson with a judgement question, and the bits-for-bytes audit of
// "The numbers to carry in your head" (15,000 images/s × 200 KB is 24 Gbps, not 3).

type Judgement = { id: string; question: string; options: { id: string; text: string }[]; answer: string; why: string };
type Audit = { id: string; title: string; lines: string[]; wrongLine: number; why: string };

const lessons = path.join("content", "lessons");

function firstJudgement(): { lessonId: string; judgement: Judgement } {
  const file = fs.readdirSync(lessons).find((name) => name.endsWith(".judgements.json"));
  if (!file) throw new Error("no lesson has judgement questions yet");
  const items = JSON.parse(fs.readFileSync(path.join(lessons, file), "utf8")) as Judgement[];
  const judgement = items[0];
  if (!judgement) throw new Error(`${file} is empty`);
  return { lessonId: file.replace(/^\d+-/, "").replace(/\.judgements\.json$/, ""), judgement };
}

function audit(id: string): Audit {
  for (const file of fs.readdirSync(lessons).filter((name) => name.endsWith(".audits.json"))) {
    const found = (JSON.parse(fs.readFileSync(path.join(lessons, file), "utf8")) as Audit[]).find((a) => a.id === id);
    if (found) return found;
  }
  throw new Error(`no audit ${id}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function pickAndCheckLine(page: Page, item: Audit, lineIndex: number) {
  const region = page.getByRole("region", { name: `Spot the problem ${item.title}`, exact: true });
  await region
    .getByRole("radio", { name: new RegExp(`^${lineIndex + 1}\\s*${escape(item.lines[lineIndex] ?? "")}`) })
    .check();
  await region.getByRole("button", { name: "Check the line" }).click();
  return region;
}

test.describe("judgement questions and audits", () => {
  test("a judgement question in a lesson: a miss shows the right answer and why, and comes back in review", async ({
    page,
  }) => {
    const { lessonId, judgement } = firstJudgement();
    const wrong = judgement.options.find((option) => option.id !== judgement.answer);
    const right = judgement.options.find((option) => option.id === judgement.answer);
    if (!wrong || !right) throw new Error("a judgement needs a right and a wrong option");
    await signUp(page);
    await page.goto(`/learn/${lessonId}`);
    const group = page.getByRole("group", { name: judgement.question });
    // Nothing of the answer is on the page before the learner answers.
    expect(await page.content()).not.toContain(judgement.why.slice(0, 60));

    await expect(group).toBeVisible();
    const box = page.locator(`[data-question="${judgement.id}"]`);
    await box.getByRole("button", { name: "Check" }).click();
    await expect(box.getByText("Pick one of the options first.")).toBeVisible();

    // Keyboard: focus the first option and move with the arrow keys to the wrong one, then check.
    const radios = box.getByRole("radio");
    await radios.first().focus();
    await page.keyboard.press("Space");
    const wrongIndex = judgement.options.indexOf(wrong);
    for (let i = 0; i < wrongIndex; i++) await page.keyboard.press("ArrowDown");
    await expect(box.getByRole("radio", { name: wrong.text })).toBeChecked();
    const graded = page.waitForResponse((r) => r.url().endsWith("/api/questions"));
    await box.getByRole("button", { name: "Check" }).click();
    expect((await graded).status()).toBe(201);
    await expect(box.getByText("Not the best choice.")).toBeVisible();
    await expect(box.getByText(judgement.why)).toBeVisible();
    await expect(box.getByText("(right answer)")).toBeVisible();
    await expect(box.getByRole("radio", { name: new RegExp(`${escape(right.text)}.*right answer`) })).toBeVisible();

    // On reload the last answer is shown.
    await page.reload();
    await expect(box.getByText("(your last answer)")).toBeVisible();

    // The miss is a review card: the question on the front, the right option and why on the back.
    await page.goto("/review");
    await expect(page.getByText(judgement.question)).toBeVisible();
  });

  test("an audit in a lesson: the wrong line is picked, then the corrected value is graded", async ({ page }) => {
    const item = audit("audit-image-egress-bits-for-bytes");
    await signUp(page);
    await page.goto("/learn/numbers-to-know");
    const region = page.getByRole("region", { name: `Spot the problem ${item.title}`, exact: true });
    await expect(region.getByRole("radio")).toHaveCount(item.lines.length);
    // The fix exercise (whose prompt names the line) waits for the pick.
    await expect(region.getByText(/What should line/)).toHaveCount(0);

    await pickAndCheckLine(page, item, item.wrongLine);
    await expect(region.getByText(`Right: line ${item.wrongLine + 1} is wrong.`)).toBeVisible();
    await expect(region.getByText(item.why)).toBeVisible();

    const fix = region.getByRole("region", { name: `${item.title}: the corrected value` });
    await fix.getByRole("textbox", { name: /What should line 4 say/ }).fill("24 Gbps");
    const graded = page.waitForResponse((r) => r.url().endsWith("/api/attempts"));
    await fix.getByRole("button", { name: "Check my answers" }).click();
    expect((await graded).status()).toBe(201);
    await expect(fix.getByText("Score: 100%")).toBeVisible();
  });

  test("the audits drill: from /practice, a wrong line then another one; axe clean in both themes at 375 px", async ({
    page,
  }) => {
    await page.goto("/practice");
    await page.getByRole("link", { name: /Spot the problem/ }).click();
    await expect(page).toHaveURL(/\/practice\/audits$/);
    await expect(page.getByRole("heading", { level: 1, name: "Spot the problem" })).toBeVisible();
    for (const scheme of ["light", "dark"] as const) {
      await switchScheme(page, scheme);
      await expectNoAxeViolations(page);
    }

    // A visitor practises too: graded, not saved.
    const title = (await page.getByRole("heading", { level: 2 }).first().textContent()) ?? "";
    const region = page.getByRole("region", { name: `Spot the problem ${title}`, exact: true });
    const radios = region.getByRole("radio");
    await radios.first().check();
    await region.getByRole("button", { name: "Check the line" }).click();
    await expect(region.getByText(/line \d+ is wrong\./)).toBeVisible();
    await expect(region.getByText(/Graded, not saved/)).toBeVisible();
    await expect(region.getByRole("region", { name: /the corrected value/ })).toBeVisible();

    await page.setViewportSize({ width: 375, height: 800 });
    for (const scheme of ["light", "dark"] as const) {
      await switchScheme(page, scheme);
      await expectNoAxeViolations(page);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole("link", { name: "Another one" }).click();
    await expect(page).toHaveURL(/\/practice\/audits\?after=/);
    await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(title);
  });
});
