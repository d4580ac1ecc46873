import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test.describe("sessions end", () => {
  test("after signing out, the old session cookie put back signs no one in", async ({ page, context }) => {
    await signUp(page, "Lin");
    const signedIn = (await context.cookies()).filter((cookie) => cookie.name.includes("session-token"));
    expect(signedIn.length).toBeGreaterThan(0);
    const before = await page.request.get("/api/auth/session");
    expect((await before.json()).user?.name).toBe("Lin");

    await page.getByRole("button", { name: /Account menu for Lin/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    // Put the copied cookie back, as someone who kept it would.
    await context.addCookies(signedIn);
    const replay = await page.request.get("/api/auth/session");
    expect(await replay.json()).toEqual({});
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Account menu for Lin/ })).toHaveCount(0);
  });
});
