import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { urlFor } from "../../scripts/db/embedded-postgres.mjs";
import { DEFAULT_WEIGHTS } from "@/lib/srs";
import { simulateReviews } from "../helpers/review-history";
import { signUp, switchScheme } from "./helpers";

/**
 * Store a simulated year of flashcard ratings for one learner, straight into the e2e server's database (as reviewCard
 * would have logged them): a learner whose new cards last three times longer than the defaults assume.
 */
async function storeRatings(email: string): Promise<number> {
  const { reviews } = simulateReviews({
    weights: DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 3 : w)),
    cards: 120,
    perDay: 5,
    days: 120,
    seed: 3,
    // Noon UTC 200 days ago: the reviews fall on the same learner days (cut at 4 am) whatever the hour of the run.
    start: new Date(Math.floor(Date.now() / 86_400_000 - 200) * 86_400_000 + 12 * 3_600_000),
  });
  const client = new pg.Client({ connectionString: urlFor(Number(process.env.E2E_PG_PORT ?? 54339)) });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
    const userId = rows[0]?.id;
    if (!userId) throw new Error(`no learner ${email}`);
    const json = (state: { due: Date; lastReview: Date | null }) =>
      JSON.stringify({ ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null });
    for (const review of reviews) {
      await client.query(
        `INSERT INTO "ReviewLog" ("userId", "clientId", "cardId", kind, rating, before, after, "reviewedAt", "durationMs")
         VALUES ($1::uuid, $2::uuid, $3, 'rating', $4, $5::jsonb, $6::jsonb, $7, 5000)`,
        [
          userId,
          randomUUID(),
          review.cardId,
          review.rating,
          json(review.before),
          json(review.after),
          review.reviewedAt,
        ],
      );
    }
  } finally {
    await client.end();
  }
  return reviews.length;
}

test("a learner with enough reviews fits parameters, sees them compared with the defaults, and can go back", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = await signUp(page, "Fitter");
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/review");
  const panel = page.getByRole("region", { name: "Parameters fitted to your reviews" });
  await expect(panel.getByText("0 of the 400 flashcard reviews a fit needs")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Fit to my reviews" })).toHaveCount(0);

  const count = await storeRatings(email);
  await page.reload();
  await expect(panel.getByText(`You have ${count} flashcard reviews, enough for a fit.`)).toBeVisible();
  await panel.getByRole("button", { name: "Fit to my reviews" }).click();
  // The fitted set is switched on only when it beat the defaults on the held-back reviews; either way the learner can
  // choose it, and the table compares the two.
  const status = panel.getByRole("status");
  await expect(status).toHaveText(
    /^Fitted\. (Your fitted parameters now schedule your reviews\.|The defaults still schedule your reviews; you can switch below\.)$/,
    { timeout: 60_000 },
  );
  const table = panel.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "Fitted to you" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Defaults" })).toBeVisible();
  await expect(panel.getByText(/your fitted parameters predicted whether you would remember/)).toBeVisible();
  await panel.getByRole("radio", { name: "Use my fitted parameters" }).check();
  await expect(panel.getByRole("radio", { name: "Use my fitted parameters" })).toBeChecked();
  // Nothing spills sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  for (const scheme of ["light", "dark"] as const) {
    await switchScheme(page, scheme);
    const results = await new AxeBuilder({ page }).include("section[aria-labelledby=fit-heading]").analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.help}`)).toEqual([]);
  }

  await panel.getByRole("radio", { name: "Use the defaults" }).check();
  await expect(panel.getByRole("status")).toHaveText("The defaults now schedule your reviews.");
  await page.reload();
  await expect(panel.getByRole("radio", { name: "Use the defaults" })).toBeChecked();
  await expect(panel.getByRole("radio", { name: "Use my fitted parameters" })).not.toBeChecked();
});
