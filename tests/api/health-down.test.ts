import { afterAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectDb } from "@/lib/progress";

// This file's modules are its own: point the data layer at a port where no database listens.
process.env.DATABASE_URL = "postgresql://envelope:wrong@127.0.0.1:9/envelope";

afterAll(async () => {
  await disconnectDb();
});

describe("GET /api/health with the database down", () => {
  test("answers 503 with a message, not a 500 or a stack trace", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.db).toBe("down");
    expect(body.error).toMatch(/^The database cannot be reached or is not migrated: /);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });
});
