import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import { listCards } from "@/lib/content";
import {
  addCardsToDeck,
  disconnectDb,
  getCardState,
  recordAttempt,
  serveStepVariant,
  serveVariant,
  stepCardId,
} from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// POST /api/reviews and /api/reviews/undo as the browser calls them, against the real database, with the session
// replaced. The clock is real: a card added now is due now.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST: rate } = await import("@/app/api/reviews/route");
const { POST: undo } = await import("@/app/api/reviews/undo/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const CONFLICT = "This client id was already used for a different request. Send a new client id.";

function request(path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

function firstCard(): string {
  const card = [...listCards().values()][0];
  if (!card) throw new Error("no cards in content");
  return card.id;
}

async function signedInWithCard(): Promise<{ userId: string; cardId: string }> {
  const user = await makeUser();
  session.user = user;
  const cardId = firstCard();
  await addCardsToDeck(user.id, [cardId], new Date(Date.now() - 60_000));
  return { userId: user.id, cardId };
}

describe("a rating's client id is one rating", () => {
  test.each([
    { label: "another rating", change: { rating: 1 } },
    { label: "another time taken", change: { durationMs: 9_999 } },
  ])("the same client id with $label → 409 with a message; the card and the log are unchanged", async ({ change }) => {
    const { userId, cardId } = await signedInWithCard();
    const body = { clientId: randomUUID(), cardId, rating: 3, durationMs: 4_000 };
    expect((await rate(request("/api/reviews", body))).status).toBe(201);
    const card = await getCardState(userId, cardId);
    const again = await rate(request("/api/reviews", body));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, rating: 3 });

    const clash = await rate(request("/api/reviews", { ...body, ...change }));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toEqual({ error: CONFLICT });
    expect(await getCardState(userId, cardId)).toEqual(card);
    expect(await testDb().reviewLog.count({ where: { userId } })).toBe(1);
  });

  test("a step card's answer resent with another answer → 409; the same answer → the stored result", async () => {
    const user = await makeUser();
    session.user = user;
    const exerciseId = "numbers-image-api-gbps";
    const served = serveVariant(exerciseId, 0);
    if (!served) throw new Error("exercise missing");
    await recordAttempt(
      user.id,
      {
        clientId: randomUUID(),
        exerciseId,
        seed: 0,
        token: served.token,
        source: "lesson",
        answers: { bytesOut: "5 GB/s", bitsOut: "5 Gbps" },
        elapsedMs: 1000,
      },
      new Date(Date.now() - 60_000),
    );
    const cardId = stepCardId(exerciseId, "bitsOut");
    const variant = serveStepVariant(cardId, 11);
    if (!variant) throw new Error("no variant");
    const body = { clientId: randomUUID(), cardId, answer: "1 b", seed: 11, token: variant.token, durationMs: 5000 };
    expect((await rate(request("/api/reviews", body))).status).toBe(201);
    const card = await getCardState(user.id, cardId);
    expect((await rate(request("/api/reviews", body))).status).toBe(200);
    const clash = await rate(request("/api/reviews", { ...body, answer: "2 b" }));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toEqual({ error: CONFLICT });
    expect(await getCardState(user.id, cardId)).toEqual(card);
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("an undo is exactly once", () => {
  test("five undos at once of one rating: one is applied, the others are told there is nothing to undo", async () => {
    // A few rounds, so the undos really overlap once the pool's connections are open.
    for (let round = 0; round < 4; round++) {
      const { userId, cardId } = await signedInWithCard();
      const before = await getCardState(userId, cardId);
      const rated = await rate(request("/api/reviews", { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }));
      expect(rated.status).toBe(201);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => undo(request("/api/reviews/undo", { clientId: randomUUID() }))),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409, 409]);
      const refused = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json()));
      for (const body of refused) expect(body).toEqual({ error: "There is nothing to undo." });
      expect(await testDb().reviewLog.count({ where: { userId, kind: "undo" } })).toBe(1);
      expect(await getCardState(userId, cardId)).toEqual(before);
    }
  });

  test("two ratings and three undos at once: both ratings are undone, one each, and the third is refused", async () => {
    const user = await makeUser();
    session.user = user;
    const cardIds = [...listCards().keys()].slice(0, 2);
    await addCardsToDeck(user.id, cardIds, new Date(Date.now() - 60_000));
    const before = await Promise.all(cardIds.map((cardId) => getCardState(user.id, cardId)));
    for (const cardId of cardIds) {
      const rated = await rate(request("/api/reviews", { clientId: randomUUID(), cardId, rating: 3, durationMs: 1 }));
      expect(rated.status).toBe(201);
    }
    const responses = await Promise.all(
      Array.from({ length: 3 }, () => undo(request("/api/reviews/undo", { clientId: randomUUID() }))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 409]);
    const undone = await testDb().reviewLog.findMany({ where: { userId: user.id, kind: "undo" } });
    expect(new Set(undone.map((row) => row.undoes)).size).toBe(2);
    expect(await Promise.all(cardIds.map((cardId) => getCardState(user.id, cardId)))).toEqual(before);
  });

  test("an undo resent with its client id is the stored undo, and undoes nothing more", async () => {
    const { userId, cardId } = await signedInWithCard();
    for (const rating of [3, 3]) {
      await rate(request("/api/reviews", { clientId: randomUUID(), cardId, rating, durationMs: 1 }));
    }
    const body = { clientId: randomUUID() };
    const responses = await Promise.all(Array.from({ length: 3 }, () => undo(request("/api/reviews/undo", body))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.filter((b) => b.duplicate === false)).toHaveLength(1);
    expect(await testDb().reviewLog.count({ where: { userId, kind: "undo" } })).toBe(1);
  });
});
