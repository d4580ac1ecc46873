import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * The browser: CHROMIUM_PATH, else the system Chromium, else a browser Playwright installed itself. With none, stop
 * with a message that says what to install.
 */
function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (found) return found;
  const playwrightCache = `${process.env.HOME ?? ""}/.cache/ms-playwright`;
  if (fs.existsSync(playwrightCache) && fs.readdirSync(playwrightCache).some((name) => name.startsWith("chromium"))) {
    return undefined; // Playwright's own build
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    timezoneId: "UTC",
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      // Root cannot use Chromium's sandbox; the other flags stop background traffic to hosts this network cannot reach.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production build (made by `npm run test:e2e`) on its own embedded database folder and port.
    command: `node --conditions=react-server --import tsx scripts/with-db.ts --build-if-missing next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      EMBEDDED_PG_DIR: ".data/e2e-pg",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every browser test signs up from 127.0.0.1: lift the per-address sign-up limit for the suite.
      ENVELOPE_SIGN_UPS_PER_HOUR: "100000",
    },
  },
});
