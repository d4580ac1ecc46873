import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import config from "../../playwright.config";
import { signUp } from "./helpers";

type Spec = { id: string; steps: { id: string; formula: string }[] };

function exerciseSpecs(): Spec[] {
  const specs: Spec[] = [];
  const lessons = path.join("content", "lessons");
  for (const name of fs.readdirSync(lessons).filter((n) => n.endsWith(".exercises.json"))) {
    specs.push(...(JSON.parse(fs.readFileSync(path.join(lessons, name), "utf8")) as Spec[]));
  }
  const drills = path.join("content", "drills");
  if (fs.existsSync(drills)) {
    for (const name of fs.readdirSync(drills).filter((n) => n.endsWith(".json"))) {
      specs.push((JSON.parse(fs.readFileSync(path.join(drills, name), "utf8")) as { exercise: Spec }).exercise);
    }
  }
  return specs;
}

/** Formulas long and specific enough that finding one means the key leaked (not a lone given name). */
function distinctiveFormulas(): string[] {
  return exerciseSpecs()
    .flatMap((spec) => spec.steps.map((step) => step.formula))
    .filter((formula) => /[-+*/^(]/.test(formula) && formula.length >= 8);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe("reference answers stay on the server", () => {
  test("no exercise formula is in the built client bundles", () => {
    const formulas = distinctiveFormulas();
    expect(formulas.length).toBeGreaterThan(20);
    const bundles = filesUnder(path.join(".next", "static")).filter((file) => file.endsWith(".js"));
    expect(bundles.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const file of bundles) {
      const text = fs.readFileSync(file, "utf8");
      for (const formula of formulas) if (text.includes(formula)) leaks.push(`${formula} in ${file}`);
    }
    expect(leaks).toEqual([]);
  });

  test("a lesson page sends prompts without formulas, tolerances or reference answers before submission", async ({
    page,
  }) => {
    await signUp(page);
    const response = await page.request.get("/learn/numbers-to-know");
    const html = await response.text();
    expect(html).toContain("The link an image API needs");
    const spec = exerciseSpecs().find((s) => s.id === "numbers-image-api-gbps");
    expect(spec).toBeDefined();
    const formulas = (spec?.steps ?? []).map((step) => step.formula).filter((formula) => /[-+*/^(]/.test(formula));
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) expect(html).not.toContain(formula);
    expect(html).not.toMatch(/\\?"(formula|tolerance|expectedValue)\\?"/);
  });
});

/** The NEXTAUTH_SECRET the e2e server runs with, from the Playwright config that starts it. */
function e2eSecret(): string {
  const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
  const secret = server?.env?.NEXTAUTH_SECRET;
  if (!secret) throw new Error("playwright.config.ts starts the e2e server without NEXTAUTH_SECRET");
  return secret;
}

/** The embedded PostgreSQL's password, read from the launcher that sets it. */
function embeddedDbPassword(): string {
  const source = fs.readFileSync(path.join("scripts", "db", "embedded-postgres.mjs"), "utf8");
  const password = /const PASSWORD = "([^"]+)"/.exec(source)?.[1];
  if (!password) throw new Error("scripts/db/embedded-postgres.mjs no longer sets PASSWORD: update this test");
  return password;
}

/** What a browser can fetch: the client bundles, and the prerendered pages and route bodies the server sends as-is. */
function shippedFiles(): string[] {
  const statics = filesUnder(path.join(".next", "static"));
  const prerendered = ["app", "pages"]
    .map((dir) => path.join(".next", "server", dir))
    .filter((dir) => fs.existsSync(dir))
    .flatMap(filesUnder)
    .filter((file) => /\.(html|rsc|body|meta|json|txt|xml)$/.test(file));
  return [...statics, ...prerendered];
}

test.describe("server secrets stay out of the build", () => {
  test("no client bundle or prerendered page holds NEXTAUTH_SECRET, the database password or a database URL", () => {
    const files = shippedFiles();
    expect(files.some((file) => file.endsWith(".js"))).toBe(true);
    expect(files.some((file) => file.endsWith(".html"))).toBe(true);
    const secrets = [e2eSecret(), embeddedDbPassword()];
    // postgres://user:password@host or postgresql://…, and a DATABASE_URL assignment with any value
    const urlLike = [/postgres(?:ql)?:\/\/[^\s"'`]*@/i, /DATABASE_URL\s*[=:]\s*["'`]?[a-z]+:\/\//i];
    const leaks: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "latin1");
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${secret.slice(0, 6)}… in ${file}`);
      for (const pattern of urlLike) {
        const found = pattern.exec(text);
        if (found) leaks.push(`${found[0].slice(0, 40)} in ${file}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  test("the check would see a secret written into a shipped file", () => {
    const probe = path.join(".next", "static", `secret-probe-${process.pid}.js`);
    fs.writeFileSync(probe, `const u = "postgresql://postgres:${embeddedDbPassword()}@127.0.0.1:5432/envelope";`);
    try {
      const text = fs.readFileSync(probe, "latin1");
      expect(shippedFiles()).toContain(probe);
      expect(text).toContain(embeddedDbPassword());
      expect(/postgres(?:ql)?:\/\/[^\s"'`]*@/i.test(text)).toBe(true);
    } finally {
      fs.rmSync(probe);
    }
  });
});
