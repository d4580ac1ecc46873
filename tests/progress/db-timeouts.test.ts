import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import pg from "pg";
import { listCards } from "@/lib/content";
import { Prisma } from "@/lib/generated/prisma/client";
import { unlessBusy } from "@/lib/http";
import { DatabaseBusyError, addCardsToDeck, disconnectDb, getCardState, markLessonStarted } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST: rate } = await import("@/app/api/reviews/route");

// A request must never hang on a lock: the app's connections carry a lock timeout and a statement timeout, and a write
// that waits too long fails with a clear message (the route answers it; nothing is left half-written).

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
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

  test("a rating of a card another connection holds locked answers 503 with a message within a few seconds", async () => {
    const user = await makeUser();
    session.user = user;
    const cardId = [...listCards().keys()][0];
    if (!cardId) throw new Error("no cards in content");
    await addCardsToDeck(user.id, [cardId], new Date(Date.now() - 60_000));
    const card = await getCardState(user.id, cardId);
    const blocker = await otherConnection();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "ReviewCard" WHERE "userId" = $1 AND "cardId" = $2 FOR UPDATE`, [
        user.id,
        cardId,
      ]);
      const started = Date.now();
      const body = { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 };
      const response = await within(
        rate(
          new Request("http://localhost/api/reviews", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
          }),
        ),
        8_000,
      );
      expect(response).not.toBe("hung");
      if (response === "hung") return;
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBeTruthy();
      expect((await response.json()).error).toMatch(/busy.*Nothing was saved; try again/);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await getCardState(user.id, cardId)).toEqual(card);
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  test("the app's connections carry a statement timeout and a lock timeout", async () => {
    const { db } = await import("@/lib/progress/db");
    const rows = await db().$queryRaw<{ statement: string; lock: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
        current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(rows[0]?.statement).not.toBe("0");
    expect(rows[0]?.lock).not.toBe("0");
    expect(rows[0]?.idle).not.toBe("0");
  });

  test("a transaction that could not start in time (no connection free) answers 503 with a message too", async () => {
    const response = await unlessBusy(async () => {
      throw new Prisma.PrismaClientKnownRequestError(
        "Transaction API error: Unable to start a transaction in the given time.",
        { code: "P2028", clientVersion: "7" },
      );
    });
    expect(response.status).toBe(503);
    expect((await response.json()).error).toBe(
      "The database is busy: its transaction could not start or finish in time. Nothing was saved; try again.",
    );
    await expect(unlessBusy(async () => Promise.reject(new Error("a bug")))).rejects.toThrow("a bug");
  });
});
