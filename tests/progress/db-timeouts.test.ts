import { afterAll, describe, expect, test } from "vitest";
import pg from "pg";
import { DatabaseBusyError, disconnectDb, markLessonStarted } from "@/lib/progress";
import { makeUser } from "../helpers/users";

// A request must never hang on a lock: the app's connections carry a lock timeout and a statement timeout, and a write
// that waits too long fails with a clear message (the route answers it; nothing is left half-written).

afterAll(async () => {
  await disconnectDb();
});

const now = new Date("2026-05-01T09:00:00Z");

/** A second connection, as another process would hold it. */
async function otherConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** Resolves to "hung" when `promise` has not settled after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "hung"> {
  return Promise.race([promise, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), ms).unref())]);
}

describe("database time limits", () => {
  test("a write that waits on a row another connection holds fails within a few seconds with a clear message", async () => {
    const user = await makeUser();
    const blocker = await otherConnection();
    try {
      await blocker.query("BEGIN");
      // An uncommitted row with the same key: the app's insert has to wait for this transaction to end.
      await blocker.query(`INSERT INTO "LessonProgress" ("userId", "lessonId", "startedAt") VALUES ($1, $2, $3)`, [
        user.id,
        "numbers-to-know",
        now,
      ]);
      const started = Date.now();
      const outcome = await within(
        markLessonStarted(user.id, "numbers-to-know", now).then(
          () => "stored" as const,
          (error: unknown) => error,
        ),
        8_000,
      );
      const waited = Date.now() - started;
      expect(outcome).not.toBe("hung");
      expect(outcome).toBeInstanceOf(DatabaseBusyError);
      expect(String((outcome as Error).message)).toMatch(/busy.*try again/i);
      expect(waited).toBeLessThan(6_000);
      expect(waited).toBeGreaterThanOrEqual(500);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    // Once the lock is gone the same write goes through.
    await expect(markLessonStarted(user.id, "numbers-to-know", now)).resolves.toMatchObject({
      lessonId: "numbers-to-know",
    });
  });

  test("the app's connections carry a statement timeout and a lock timeout", async () => {
    const { db } = await import("@/lib/progress/db");
    const rows = await db().$queryRaw<{ statement_timeout: string; lock_timeout: string }[]>`
      SELECT current_setting('statement_timeout') AS statement_timeout, current_setting('lock_timeout') AS lock_timeout`;
    expect(rows[0]?.statement_timeout).not.toBe("0");
    expect(rows[0]?.lock_timeout).not.toBe("0");
  });
});
