import { afterAll, describe, expect, test, vi } from "vitest";
import { listCards } from "@/lib/content";
import { addCardsToDeck, disconnectDb, listDueCardIds, spreadDueBacklog } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// POST /api/reviews/spread as the review page calls it, against the real database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST } = await import("@/app/api/reviews/spread/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const DAY = 86_400_000;
const now = new Date("2026-06-10T12:00:00Z");

/**
 * A learner back from a break with `count` flashcards due: card i is `i + 1` days late on a 10-day interval, so the
 * later the card in the list, the more overdue it is. Also one missed estimation step, due, which must stay.
 */
async function backFromABreak(count: number) {
  const user = await makeUser("spread");
  const cardIds = [...listCards().keys()].slice(0, count);
  await addCardsToDeck(user.id, cardIds, new Date(now.getTime() - 60 * DAY));
  for (const [i, cardId] of cardIds.entries()) {
    const due = new Date(now.getTime() - (i + 1) * DAY);
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId } },
      data: {
        state: "review",
        stability: 10,
        scheduledDays: 10,
        reps: 3,
        due,
        lastReview: new Date(due.getTime() - 10 * DAY),
      },
    });
  }
  await testDb().reviewCard.create({
    data: {
      userId: user.id,
      cardId: "step:drill-dau-to-peak-qps:daily",
      kind: "step",
      due: new Date(now.getTime() - DAY),
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "new",
    },
  });
  return { user, cardIds };
}

describe("spreading a backlog", () => {
  test("30 due at 10 a day: the 10 most overdue stay, 10 move to tomorrow and 10 to the day after; steps stay", async () => {
    const { user, cardIds } = await backFromABreak(30);
    expect(await spreadDueBacklog(user.id, 10, now)).toEqual({ keptToday: 10, moved: 20, days: 2 });
    const due = await listDueCardIds(user.id, now, 100);
    expect(due).toContain("step:drill-dau-to-peak-qps:daily");
    // The most overdue relative to their interval are the last 10 (21 to 30 days late on 10 days).
    expect(due.filter((id) => id !== "step:drill-dau-to-peak-qps:daily").sort()).toEqual(cardIds.slice(20).sort());
    const rows = await testDb().reviewCard.findMany({
      where: { userId: user.id, kind: "fact" },
      select: { cardId: true, due: true },
    });
    const dueOf = new Map(rows.map((row) => [row.cardId, row.due.toISOString()]));
    // The next learner days start at 04:00 UTC (UTC learner, days starting at 4 am).
    for (const id of cardIds.slice(10, 20)) expect(dueOf.get(id)).toBe("2026-06-11T04:00:00.000Z");
    for (const id of cardIds.slice(0, 10)) expect(dueOf.get(id)).toBe("2026-06-12T04:00:00.000Z");
    // A day later, tomorrow's ten are due, and nothing is lost or counted twice.
    expect((await listDueCardIds(user.id, new Date(now.getTime() + DAY), 100)).length).toBe(21);
  });

  test("doing it again, or twice at once, moves nothing more", async () => {
    const { user } = await backFromABreak(25);
    const [a, b] = await Promise.all([spreadDueBacklog(user.id, 10, now), spreadDueBacklog(user.id, 10, now)]);
    const results = [a, b].sort((x, y) => y.moved - x.moved);
    expect(results[0]).toEqual({ keptToday: 9, moved: 16, days: 2 });
    expect(results[1]).toEqual({ keptToday: 9, moved: 0, days: 0 });
    expect(await spreadDueBacklog(user.id, 10, now)).toEqual({ keptToday: 9, moved: 0, days: 0 });
  });

  test("a backlog no larger than a day is left alone", async () => {
    const { user } = await backFromABreak(8);
    expect(await spreadDueBacklog(user.id, 10, now)).toEqual({ keptToday: 8, moved: 0, days: 0 });
    expect(await listDueCardIds(user.id, now, 100)).toHaveLength(9);
  });
});

describe("POST /api/reviews/spread", () => {
  const post = (body: unknown) =>
    POST(
      new Request("http://localhost/api/reviews/spread", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );

  test("signed out → 401; a bad number → 400 with a message; then the learner's own backlog is spread", async () => {
    session.user = null;
    expect((await post({ perDay: 10 })).status).toBe(401);
    const { user } = await backFromABreak(12);
    session.user = user;
    for (const body of [{ perDay: 5 }, { perDay: 10.5 }, { perDay: "10" }, {}, { perDay: 10, extra: 1 }]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error).toMatch(/\w/);
    }
    const response = await post({ perDay: 10 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ moved: expect.any(Number), days: 1 });
  });
});
