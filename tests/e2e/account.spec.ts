import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp } from "./helpers";

test("export, reset a module with confirmation, and delete the account", async ({ page }) => {
  const email = await signUp(page, "Owner");
  await page.goto("/review");
  await page.getByRole("button", { name: "Add all cards of Estimation" }).click();
  await expect(page.getByText(/Added \d+ cards\./)).toBeVisible();

  await page.goto("/account");
  await expectNoAxeViolations(page);
  const exported = await page.request.get("/api/export");
  expect(exported.headers()["content-disposition"]).toMatch(/attachment; filename="envelope-export-/);
  const data = await exported.json();
  expect(data.user.email).toBe(email);
  expect(data.cards.length).toBeGreaterThan(100);
  const csv = await page.request.get("/api/export/reviews.csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFreviewed_at,card_id,question,answer,kind,rating,verdict,duration_ms,undoes,state_before,due_before,state_after,due_after,client_id");

  await page.getByRole("button", { name: "Reset…" }).click();
  const resetDialog = page.getByRole("alertdialog", { name: "Reset Estimation?" });
  await expect(resetDialog).toBeVisible();
  await resetDialog.getByRole("button", { name: "Reset module" }).click();
  await expect(page.getByText("That module's progress was reset.")).toBeVisible();
  expect((await (await page.request.get("/api/export")).json()).cards).toEqual([]);

  await page.getByRole("button", { name: "Delete account…" }).click();
  const deleteDialog = page.getByRole("alertdialog", { name: "Delete your account?" });
  await expect(deleteDialog.getByRole("button", { name: "Delete for good" })).toBeDisabled();
  await deleteDialog.getByLabel("Your email").fill(email);
  await deleteDialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a good long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is wrong.");
});
