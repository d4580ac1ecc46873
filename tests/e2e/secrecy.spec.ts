import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
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
