import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp, switchScheme } from "./helpers";

// Every widget of the course: predict with the keyboard, run it, move one control and see its figure change.
type Case = {
  lesson: string;
  title: string;
  /** a prediction typed into the exercise's answer box */
  prediction: string;
  /** the control moved with the keyboard, and the keys pressed */
  control: string;
  keys: string[];
  /** the readout that must change */
  readout: string;
};

const PLAYGROUNDS: Case[] = [
  {
    lesson: "queueing-and-utilisation",
    title: "A queue in front of workers",
    prediction: "100 ms",
    control: "Workers",
    keys: ["ArrowRight"],
    readout: "queue-time",
  },
  {
    lesson: "caching",
    title: "Cache tiers in front of a database",
    prediction: "2000 requests/s",
    control: "Redis hit ratio",
    keys: ["End"],
    readout: "cache-db-reads",
  },
  {
    lesson: "consistency-models",
    title: "Quorum reads and writes",
    prediction: "4",
    control: "Read replies (R)",
    keys: ["End"],
    readout: "quorum-overlap",
  },
  {
    lesson: "sharding",
    title: "A consistent-hashing ring beside mod-N",
    prediction: "20 %",
    control: "Nodes before the change",
    keys: ["ArrowRight", "ArrowRight"],
    readout: "ring-moved",
  },
  {
    lesson: "rate-limiting",
    title: "A token bucket and a sliding window",
    prediction: "10 requests",
    control: "Bucket capacity",
    keys: ["ArrowRight", "ArrowRight"],
    readout: "bucket-burst",
  },
  {
    lesson: "observability-and-slos",
    title: "An error budget over 28 days",
    prediction: "50 %",
    control: "Full-outage minutes in the incident",
    keys: ["ArrowRight"],
    readout: "slo-burned",
  },
];

for (const item of PLAYGROUNDS) {
  test(`${item.lesson}: predict, run the widget with the keyboard, and watch it respond`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/learn/${item.lesson}`);
    const playground = page.getByRole("region", { name: `Playground: ${item.title}` });
    const run = playground.getByRole("button", { name: "Run it" });
    // The widget stays locked, and its code unloaded, until the learner commits to a number.
    await expect(run).toBeDisabled();
    await expect(playground.getByRole("slider")).toHaveCount(0);

    await playground.getByRole("textbox").first().focus();
    await page.keyboard.type(item.prediction);
    await page.keyboard.press("Enter");
    await expect(playground.getByText(/^Score: \d+%/)).toBeVisible();
    await expect(run).toBeEnabled();
    await run.focus();
    await page.keyboard.press("Enter");

    const control = playground.getByRole("slider", { name: item.control });
    await expect(control).toBeVisible();
    const readout = playground.getByTestId(item.readout);
    const before = await readout.innerText();
    await control.focus();
    for (const key of item.keys) await page.keyboard.press(key);
    await expect(readout).not.toHaveText(before);

    for (const scheme of ["light", "dark"] as const) {
      await switchScheme(page, scheme);
      await expectNoAxeViolations(page);
    }
  });
}

test("a missed prediction comes back as a review card", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, "Predictor");
  await page.goto("/learn/sharding");
  const playground = page.getByRole("region", { name: "Playground: A consistent-hashing ring beside mod-N" });
  await playground.getByRole("textbox").first().fill("80 %");
  await playground.getByRole("button", { name: "Check my answers" }).click();
  await expect(playground.getByText(/^Score: (?!100%)\d+%/)).toBeVisible();
  await page.goto("/review");
  const step = page.getByRole("region", { name: "Estimation review" });
  await expect(step.getByRole("heading", { name: "Predict: the keys a new node takes" })).toBeVisible();
});

test("a widget fits a 375 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/learn/sharding");
  const playground = page.getByRole("region", { name: "Playground: A consistent-hashing ring beside mod-N" });
  await playground.getByRole("textbox").first().fill("20 %");
  await playground.getByRole("button", { name: "Check my answers" }).click();
  await playground.getByRole("button", { name: "Run it" }).click();
  await expect(playground.getByRole("img", { name: /The ring/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
