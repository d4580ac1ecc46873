import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { listCards } from "@/lib/content";
import {
  addLessonCards,
  db,
  disconnectDb,
  exportUserData,
  listLessonProgress,
  markLessonStarted,
  recordAttempt,
  resetModuleProgress,
  reviewCard,
  reviewLogCsv,
  serveVariant,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
});

const now = new Date("2026-07-01T08:00:00Z");

async function learnerWithHistory() {
  const user = await makeUser();
  await markLessonStarted(user.id, "numbers-to-know", now);
  await addLessonCards(user.id, "numbers-to-know", now);
  const cardId = [...listCards().values()].find((c) => c.lessonId === "numbers-to-know")?.id ?? "";
  await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1500 }, now);
  const served = serveVariant("numbers-image-api-gbps", 0);
  await recordAttempt(
    user.id,
    { clientId: randomUUID(), exerciseId: "numbers-image-api-gbps", seed: 0, token: served?.token ?? "", source: "lesson", answers: { bitsOut: "1 Gbps" }, elapsedMs: 9000 },
    now,
  );
  return { user, cardId };
}

describe("owning your data", () => {
  test("the JSON export holds the learner's rows and never the password hash", async () => {
    const { user, cardId } = await learnerWithHistory();
    const data = await exportUserData(user.id);
    expect(data.user?.email).toBe(user.email);
    expect(data.lessons.map((l) => l.lessonId)).toEqual(["numbers-to-know"]);
    expect(data.attempts).toHaveLength(1);
    expect(data.reviews.map((r) => r.cardId)).toEqual([cardId]);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|argon2/);
  });

  test("the review log CSV has a header and one row per rating", async () => {
    const { user, cardId } = await learnerWithHistory();
    const lines = (await reviewLogCsv(user.id)).trim().split("\n");
    expect(lines[0]).toBe("reviewed_at,card_id,kind,rating,verdict,duration_ms,undoes,state_before,due_before,state_after,due_after,client_id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`2026-07-01T08:00:00.000Z,${cardId},rating,3,,1500,,new,`);
  });

  test("resetting a module removes its rows only, and only the learner's", async () => {
    const { user } = await learnerWithHistory();
    const other = await learnerWithHistory();
    await markLessonStarted(user.id, "caching", now); // a lesson of another module
    const removed = await resetModuleProgress(user.id, "estimation");
    expect(removed.lessons).toBe(1);
    expect(removed.attempts).toBe(1);
    expect(removed.cards).toBeGreaterThan(10);
    expect((await listLessonProgress(user.id)).map((l) => l.lessonId)).toEqual(["caching"]);
    expect(await db().reviewCard.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().attempt.count({ where: { userId: other.user.id } })).toBe(1);
    expect(await db().reviewCard.count({ where: { userId: other.user.id } })).toBeGreaterThan(10);
  });

  test("deleting the account removes every row of it", async () => {
    const { user } = await learnerWithHistory();
    const { deleteUser } = await import("@/lib/progress");
    await deleteUser(user.id);
    for (const count of [
      db().attempt.count({ where: { userId: user.id } }),
      db().reviewCard.count({ where: { userId: user.id } }),
      db().reviewLog.count({ where: { userId: user.id } }),
      db().lessonProgress.count({ where: { userId: user.id } }),
    ]) {
      expect(await count).toBe(0);
    }
  });
});
