import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signUp } from "./helpers";

test("the reset buttons are red in dark mode too", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signUp(page, "Night");
  await page.goto("/account");
  const reset = page.getByRole("button", { name: "Reset Building blocks…", exact: true });
  await expect(reset).toHaveCSS("color", "rgb(252, 165, 165)");
  await reset.click();
  const confirm = page
    .getByRole("alertdialog", { name: "Reset Building blocks?" })
    .getByRole("button", { name: "Reset Building blocks", exact: true });
  await expect(confirm).toHaveCSS("background-color", "rgb(252, 165, 165)");
  await expectNoAxeViolations(page);
});

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
  expect((await csv.text()).split("\r\n")[0]).toBe(
    "\uFEFFreviewed_at,card_id,question,answer,kind,rating,verdict,duration_ms,undoes,state_before,due_before,state_after,due_after,client_id",
  );

  // The reset is red, and its confirmation names the module and opens right under the button that asked for it.
  const reset = page.getByRole("button", { name: "Reset Estimation…", exact: true });
  await expect(reset).toHaveCSS("color", "rgb(185, 28, 28)");
  await reset.click();
  const resetDialog = page.getByRole("alertdialog", { name: "Reset Estimation?" });
  await expect(resetDialog).toBeVisible();
  await expect(resetDialog).toContainText(
    "This deletes your completed lessons, answers, cards and review history in Estimation.",
  );
  await expect(resetDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  const [button, dialog] = [await reset.boundingBox(), await resetDialog.boundingBox()];
  expect(dialog && button && dialog.y - (button.y + button.height)).toBeLessThan(24);
  expect(dialog && button && dialog.y).toBeGreaterThanOrEqual((button?.y ?? 0) + (button?.height ?? 0));
  const confirm = resetDialog.getByRole("button", { name: "Reset Estimation", exact: true });
  await expect(confirm).toHaveCSS("background-color", "rgb(185, 28, 28)");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(resetDialog).toBeHidden();
  await expect(reset).toBeFocused();

  await reset.click();
  await resetDialog.getByRole("button", { name: "Reset Estimation", exact: true }).click();
  await expect(page.getByText("Estimation was reset.")).toBeVisible();
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
