import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/health/route";
import { checkDatabaseHealth, disconnectDb } from "@/lib/progress";

afterAll(async () => {
  await disconnectDb();
});

describe("GET /api/health", () => {
  test("answers db ok and migrations current on the migrated test database", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ db: "ok", migrations: "current" });
  });

  test("names a migration that is in prisma/migrations but not applied", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-migrations-"));
    for (const name of fs.readdirSync("prisma/migrations")) {
      if (fs.statSync(path.join("prisma/migrations", name)).isDirectory()) fs.mkdirSync(path.join(dir, name));
    }
    fs.mkdirSync(path.join(dir, "29990101000000_future"));
    expect(await checkDatabaseHealth(dir)).toEqual({
      db: "ok",
      migrations: "pending",
      pending: ["29990101000000_future"],
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
