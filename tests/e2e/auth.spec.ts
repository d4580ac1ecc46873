import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./helpers";

test.describe("accounts", () => {
  test("sign up, sign out, sign in, and a wrong password is refused in words", async ({ page }) => {
    const email = uniqueEmail();
    const password = "a good long password";

    await page.goto("/sign-up");
    await page.getByLabel("Name (optional)").fill("Grace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("button", { name: /Account menu for Grace/ })).toBeVisible();

    await page.getByRole("button", { name: /Account menu for Grace/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is wrong.");

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /Account menu for Grace/ })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
  });

  test("sign-up says which field is wrong, and a taken email is sent to sign in", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That does not look like an email address (name@example.com).")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

    await page.getByLabel("Email").fill("demo@example.com");
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(
      page.getByText(
        "Envelope could not sign you in with this email and password. If you already have an account, sign in instead.",
      ),
    ).toBeVisible();
  });

  test("the demo account shown on the sign-in page signs in", async ({ page }) => {
    await page.goto("/sign-in");
    const demo = page.getByRole("complementary", { name: "Demo account" });
    await expect(demo).toContainText("demo@example.com");
    await page.getByLabel("Email").fill("demo@example.com");
    await page.getByLabel("Password").fill("envelope-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /Account menu for Demo learner/ })).toBeVisible();
  });

  test("a learner page sends a signed-out visitor to sign in, and back after", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    await page.getByLabel("Email").fill("demo@example.com");
    await page.getByLabel("Password").fill("envelope-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});

test.describe("accessibility", () => {
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("the home page works on a 375 px phone in dark mode", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

test("pages are served with security headers", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
});
