import { afterAll, describe, expect, test, vi } from "vitest";
import { disconnectDb, getSettings, listDeck, listLessonProgress, listPublishedCards } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// The outbox replays a write until the server answers, so a write may arrive more than once (a response lost on the
// way back, two tabs). Attempts, ratings, undos and case writes carry a client id; lesson events and settings do not,
// so their replays must be harmless by nature. These call the route handlers as the browser does, against the real
// database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST: lessonEvent } = await import("@/app/api/lessons/[id]/progress/route");
const { PUT: putSettings } = await import("@/app/api/settings/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

function request(method: "POST" | "PUT", path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { "Content-Type": "application/json", Origin: "http://localhost" },
    body: JSON.stringify(body),
  });
}

function sendLessonEvent(lessonId: string, event: "started" | "completed") {
  return lessonEvent(request("POST", `/api/lessons/${lessonId}/progress`, { event }), {
    params: Promise.resolve({ id: lessonId }),
  });
}

/** A lesson whose completion adds cards to the deck, so a replay that added them twice would show. */
function lessonWithCards(): { lessonId: string; cards: number } {
  const first = listPublishedCards()[0];
  if (!first) throw new Error("no published cards in content");
  return {
    lessonId: first.lessonId,
    cards: listPublishedCards().filter((card) => card.lessonId === first.lessonId).length,
  };
}

describe("lesson progress replays are harmless", () => {
  test("a completion sent again, and again at once, is recorded once with its first time and adds its cards once", async () => {
    const user = await makeUser("replay-lesson");
    session.user = user;
    const { lessonId, cards } = lessonWithCards();

    const first = await sendLessonEvent(lessonId, "completed");
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { cardsAdded: number; progress: { completedAt: string } };
    expect(firstBody.cardsAdded).toBe(cards);

    const replays = await Promise.all([1, 2, 3].map(() => sendLessonEvent(lessonId, "completed")));
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      const body = (await replay.json()) as { cardsAdded: number; progress: { completedAt: string } };
      expect(body.cardsAdded).toBe(0);
      expect(body.progress.completedAt).toBe(firstBody.progress.completedAt);
    }
    expect(await listDeck(user.id)).toHaveLength(cards);
    const rows = await testDb().lessonProgress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
  });

  test("a replayed completion leaves cards already reviewed as they are", async () => {
    const user = await makeUser("replay-lesson-reviewed");
    session.user = user;
    const { lessonId } = lessonWithCards();
    await sendLessonEvent(lessonId, "completed");
    const [card] = await listDeck(user.id);
    if (!card) throw new Error("the completion added no card");
    const later = new Date("2031-01-01T00:00:00Z");
    await testDb().reviewCard.update({
      where: { userId_cardId: { userId: user.id, cardId: card.cardId } },
      data: { due: later },
    });
    await sendLessonEvent(lessonId, "completed");
    const after = (await listDeck(user.id)).find((c) => c.cardId === card.cardId);
    expect(after?.due.toISOString()).toBe(later.toISOString());
  });

  test("a late 'started' replayed after the completion does not undo it", async () => {
    const user = await makeUser("replay-lesson-order");
    session.user = user;
    const { lessonId } = lessonWithCards();
    await sendLessonEvent(lessonId, "completed");
    expect((await sendLessonEvent(lessonId, "started")).status).toBe(200);
    const [progress] = await listLessonProgress(user.id);
    expect(progress?.completedAt).not.toBeNull();
  });
});

describe("settings replays are harmless", () => {
  test("the same settings sent three times leave what one send leaves", async () => {
    const user = await makeUser("replay-settings");
    session.user = user;
    const body = { desiredRetention: 0.85, dayStartHour: 5, minutesPerDay: 25 };
    expect((await putSettings(request("PUT", "/api/settings", body))).status).toBe(200);
    const once = await getSettings(user.id);
    expect(once).toMatchObject({ desiredRetention: 0.85, dayStartHour: 5 });
    for (let i = 0; i < 2; i++) expect((await putSettings(request("PUT", "/api/settings", body))).status).toBe(200);
    expect(await getSettings(user.id)).toEqual(once);
  });

  test("replayed in order, the last change made is the one kept", async () => {
    const user = await makeUser("replay-settings-order");
    session.user = user;
    for (const desiredRetention of [0.8, 0.9, 0.93])
      await putSettings(request("PUT", "/api/settings", { desiredRetention }));
    expect((await getSettings(user.id)).desiredRetention).toBe(0.93);
  });

  test("without a session the write is refused with 401, which the outbox keeps for that learner", async () => {
    session.user = null;
    const response = await putSettings(request("PUT", "/api/settings", { desiredRetention: 0.9 }));
    expect(response.status).toBe(401);
  });
});
