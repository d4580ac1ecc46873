import { afterAll, describe, expect, test } from "vitest";
import {
  deleteUser,
  disconnectDb,
  getUser,
  listLessonProgress,
  markLessonCompleted,
  markLessonStarted,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";

afterAll(async () => {
  await disconnectDb();
});

const t0 = new Date("2026-03-01T10:00:00Z");
const t1 = new Date("2026-03-01T10:20:00Z");

describe("lib/progress keeps each learner's rows to themselves", () => {
  test("a query for user A never returns user B's rows", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    await markLessonStarted(a.id, "numbers-to-know", t0);
    await markLessonStarted(b.id, "estimation-pipeline", t0);
    await markLessonStarted(b.id, "numbers-to-know", t0);
    await markLessonCompleted(b.id, "numbers-to-know", t1);

    const forA = await listLessonProgress(a.id);
    expect(forA).toEqual([{ lessonId: "numbers-to-know", startedAt: t0, completedAt: null }]);
    const forB = await listLessonProgress(b.id);
    expect(forB.map((row) => row.lessonId).sort()).toEqual(["estimation-pipeline", "numbers-to-know"]);
  });

  test("user B completing a lesson does not change user A's row for it", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    await markLessonStarted(a.id, "server-sizing", t0);
    await markLessonCompleted(b.id, "server-sizing", t1);
    expect(await listLessonProgress(a.id)).toEqual([{ lessonId: "server-sizing", startedAt: t0, completedAt: null }]);
  });

  test("deleting user A removes A's rows and nothing of B's", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    await markLessonStarted(a.id, "fan-out-and-hot-keys", t0);
    await markLessonStarted(b.id, "fan-out-and-hot-keys", t0);
    await deleteUser(a.id);
    expect(await getUser(a.id)).toBeNull();
    expect(await listLessonProgress(a.id)).toEqual([]);
    expect(await listLessonProgress(b.id)).toHaveLength(1);
  });
});

describe("lesson progress writes are idempotent", () => {
  test("starting a lesson twice keeps the first start", async () => {
    const a = await makeUser();
    await markLessonStarted(a.id, "numbers-to-know", t0);
    await markLessonStarted(a.id, "numbers-to-know", t1);
    expect(await listLessonProgress(a.id)).toEqual([{ lessonId: "numbers-to-know", startedAt: t0, completedAt: null }]);
  });

  test("completing twice keeps the first completion; completing unstarted starts it too", async () => {
    const a = await makeUser();
    await markLessonCompleted(a.id, "growth-and-evolution", t0);
    await markLessonCompleted(a.id, "growth-and-evolution", t1);
    expect(await listLessonProgress(a.id)).toEqual([
      { lessonId: "growth-and-evolution", startedAt: t0, completedAt: t0 },
    ]);
  });

  test("twenty concurrent starts store one row", async () => {
    const a = await makeUser();
    await Promise.all(Array.from({ length: 20 }, () => markLessonStarted(a.id, "scale-in-interviews", t0)));
    expect(await listLessonProgress(a.id)).toHaveLength(1);
  });
});

describe("lesson progress under concurrency", () => {
  test("starting and completing at the same moment leaves one completed row", async () => {
    const a = await makeUser();
    await Promise.all([
      markLessonStarted(a.id, "numbers-to-know", t0),
      markLessonCompleted(a.id, "numbers-to-know", t0),
      markLessonStarted(a.id, "numbers-to-know", t0),
      markLessonCompleted(a.id, "numbers-to-know", t1),
    ]);
    const rows = await listLessonProgress(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).not.toBeNull();
  });
});
