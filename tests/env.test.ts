import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  test("an empty environment is valid: embedded database, defaults filled in", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", EMBEDDED_PG_PORT: 54_329, ENVELOPE_DEMO_ACCOUNT: "0" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("an empty DATABASE_URL means unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  test.each([
    {
      label: "a MySQL URL",
      vars: { DATABASE_URL: "mysql://root@localhost/db" },
      names: "DATABASE_URL: must be a PostgreSQL URL",
    },
    {
      label: "a short secret",
      vars: { NEXTAUTH_SECRET: "short" },
      names: "NEXTAUTH_SECRET: must be at least 16 characters",
    },
    {
      label: "GitHub id without secret",
      vars: { GITHUB_ID: "abc" },
      names: "GITHUB_SECRET: GitHub sign-in needs both",
    },
    { label: "a port that is not a number", vars: { EMBEDDED_PG_PORT: "five" }, names: "EMBEDDED_PG_PORT:" },
    {
      label: "a site URL that is not a URL",
      vars: { NEXTAUTH_URL: "envelope" },
      names: "NEXTAUTH_URL: must be the site's URL",
    },
  ])("$label is refused with the variable named", ({ vars, names }) => {
    expect(() => parseEnv(vars)).toThrow(names);
  });

  test("every bad variable is listed at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", PORT: "0" })).toThrow(
      /DATABASE_URL[\s\S]*PORT|PORT[\s\S]*DATABASE_URL/,
    );
  });
});

describe("the build checks the environment first", () => {
  test.each([
    {
      label: "a bad variable stops it, naming the variable",
      vars: { DATABASE_URL: "mysql://root@localhost/db" },
      code: 1,
      says: /DATABASE_URL: must be a PostgreSQL URL/,
    },
    { label: "a good environment passes", vars: {}, code: 0, says: /^$/ },
  ])("$label", ({ vars, code, says }) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-env.ts"], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...vars },
      encoding: "utf8",
    });
    expect(run.status).toBe(code);
    expect(run.stderr.trim()).toMatch(says);
  });
});
