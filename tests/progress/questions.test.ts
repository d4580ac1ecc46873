import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import {
  answerQuestion,
  disconnectDb,
  exportUserData,
  judgementCardId,
  listDueReviews,
  pickAudit,
  recordAttempt,
  resetModuleProgress,
  serveQuestions,
  type QuestionAnswerRequest,
} from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { AUDIT, JUDGEMENT, installQuestionContent } from "../helpers/question-content";
import { makeUser } from "../helpers/users";

installQuestionContent();

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-12-03T10:00:00Z");

function answer(questionId: string, optionId: string, source: "lesson" | "drill" = "lesson"): QuestionAnswerRequest {
  return { clientId: randomUUID(), questionId, optionId, source };
}

async function storedAnswers(userId: string) {
  return testDb().questionAnswer.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

describe("answering a judgement question", () => {
  test.each([
    { label: "the right option", optionId: "cache", correct: true },
    { label: "a wrong option", optionId: "shard", correct: false },
  ])("$label is graded and stored once, with the answer and why", async ({ optionId, correct }) => {
    const user = await makeUser();
    const result = await answerQuestion(user.id, answer(JUDGEMENT.id, optionId), now);
    expect(result).toMatchObject({
      ok: true,
      correct,
      answer: "cache",
      why: JUDGEMENT.why,
      duplicate: false,
      stored: true,
    });
    expect(result.ok && "fix" in result).toBe(false);
    const rows = await storedAnswers(user.id);
    expect(rows).toEqual([
      expect.objectContaining({ questionId: JUDGEMENT.id, kind: "judgement", optionId, correct, source: "lesson" }),
    ]);
  });

  test("a miss makes a review card due now, reviewed like a flashcard; a hit makes none", async () => {
    const missed = await makeUser();
    await answerQuestion(missed.id, answer(JUDGEMENT.id, "shard"), now);
    const card = await testDb().reviewCard.findUnique({
      where: { userId_cardId: { userId: missed.id, cardId: judgementCardId(JUDGEMENT.id) } },
    });
    expect(card).toMatchObject({ kind: "judgement", state: "new", due: now });
    const due = await listDueReviews(missed.id, now);
    expect(due).toEqual([
      expect.objectContaining({
        kind: "fact",
        cardId: "judge:judge-test-cache",
        question: JUDGEMENT.question,
        answer: `A cache in front of the database. ${JUDGEMENT.why}`,
      }),
    ]);

    const right = await makeUser();
    await answerQuestion(right.id, answer(JUDGEMENT.id, "cache"), now);
    expect(await testDb().reviewCard.count({ where: { userId: right.id } })).toBe(0);
  });

  test("a second miss brings a card that is not yet due forward to now", async () => {
    const user = await makeUser();
    await answerQuestion(user.id, answer(JUDGEMENT.id, "shard"), now);
    const cardId = judgementCardId(JUDGEMENT.id);
    const later = new Date(now.getTime() + 5 * 86_400_000);
    await testDb().reviewCard.update({ where: { userId_cardId: { userId: user.id, cardId } }, data: { due: later } });
    const again = new Date(now.getTime() + 86_400_000);
    await answerQuestion(user.id, answer(JUDGEMENT.id, "shard"), again);
    const card = await testDb().reviewCard.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(card?.due).toEqual(again);
  });

  test("a replay of the same client id returns the stored verdict and stores nothing more", async () => {
    const user = await makeUser();
    const request = answer(JUDGEMENT.id, "shard");
    const first = await answerQuestion(user.id, request, now);
    const second = await answerQuestion(user.id, request, new Date(now.getTime() + 1000));
    expect(second).toMatchObject({ ok: true, correct: false, answer: "cache", duplicate: true, stored: true });
    expect(first.ok && second.ok && second.createdAt?.getTime()).toBe(now.getTime());
    expect(await storedAnswers(user.id)).toHaveLength(1);
  });

  test.each([
    { label: "another option", change: { optionId: "cache" } },
    { label: "another question", change: { questionId: AUDIT.id, optionId: "line-2" } },
    { label: "another source", change: { source: "drill" as const } },
  ])("the same client id with $label is a conflict", async ({ change }) => {
    const user = await makeUser();
    const request = answer(JUDGEMENT.id, "shard");
    await answerQuestion(user.id, request, now);
    const clash = await answerQuestion(user.id, { ...request, ...change }, now);
    expect(clash).toEqual({
      ok: false,
      reason: "conflict",
      message: "This client id was already used for a different answer. Send a new client id.",
    });
    expect(await storedAnswers(user.id)).toHaveLength(1);
  });

  test("a visitor is graded and nothing is stored", async () => {
    const before = await testDb().questionAnswer.count();
    const cards = await testDb().reviewCard.count();
    const result = await answerQuestion(null, answer(JUDGEMENT.id, "shard"), now);
    expect(result).toMatchObject({ ok: true, correct: false, answer: "cache", stored: false, duplicate: false });
    expect(await testDb().questionAnswer.count()).toBe(before);
    expect(await testDb().reviewCard.count()).toBe(cards);
  });

  test.each([
    {
      label: "an unknown question",
      request: answer("judge-nope", "cache"),
      reason: "not-found",
      message: /no judgement question or audit "judge-nope"/,
    },
    {
      label: "an unknown option",
      request: answer(JUDGEMENT.id, "queue"),
      reason: "invalid",
      message: /"queue" is not an option of "judge-test-cache"; pick one of cache, shard/,
    },
    {
      label: "a line id for a judgement",
      request: answer(JUDGEMENT.id, "line-1"),
      reason: "invalid",
      message: /not an option/,
    },
  ])("$label is refused with a message", async ({ request, reason, message }) => {
    const user = await makeUser();
    const result = await answerQuestion(user.id, request, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(message);
    }
    expect(await storedAnswers(user.id)).toHaveLength(0);
  });
});

describe("answering an audit", () => {
  test.each([
    { label: "the wrong line", optionId: "line-2", correct: true },
    { label: "a line that is right", optionId: "line-1", correct: false },
  ])(
    "picking $label is graded, makes no card, and brings the fix exercise at seed 0",
    async ({ optionId, correct }) => {
      const user = await makeUser();
      const result = await answerQuestion(user.id, answer(AUDIT.id, optionId, "drill"), now);
      expect(result).toMatchObject({ ok: true, correct, answer: "line-2", why: AUDIT.why, stored: true });
      if (!result.ok || !result.fix) throw new Error("an audit's verdict brings its fix");
      expect(result.fix.prompt).toMatchObject({ id: AUDIT.id, seed: 0, steps: [{ id: "fix", unit: "requests/s" }] });
      expect(JSON.stringify(result.fix.prompt)).not.toContain("n / 1 day");
      expect(await testDb().reviewCard.count({ where: { userId: user.id } })).toBe(0);
      expect(await storedAnswers(user.id)).toEqual([expect.objectContaining({ kind: "audit", source: "drill" })]);
    },
  );

  test("the corrected value is graded by /api/attempts' path from the lesson and from the drill", async () => {
    const user = await makeUser();
    const verdict = await answerQuestion(user.id, answer(AUDIT.id, "line-2"), now);
    if (!verdict.ok || !verdict.fix) throw new Error("an audit's verdict brings its fix");
    for (const source of ["lesson", "drill"] as const) {
      const attempt = await recordAttempt(
        user.id,
        {
          clientId: randomUUID(),
          exerciseId: AUDIT.id,
          seed: 0,
          token: verdict.fix.token,
          source,
          answers: { fix: "100 requests/s" },
          elapsedMs: 5000,
        },
        now,
      );
      expect(attempt.ok ? attempt.grade.score : attempt.message).toBe(1);
    }
  });

  test("the page's view never holds the answer, the why or the wrong line; the last answer comes back on load", async () => {
    const user = await makeUser();
    const before = await serveQuestions(user.id, [JUDGEMENT.id, AUDIT.id, "judge-gone"], "lesson");
    expect(Object.keys(before)).toEqual([JUDGEMENT.id, AUDIT.id]);
    const text = JSON.stringify(before);
    expect(text).not.toContain(JUDGEMENT.why);
    expect(text).not.toContain(AUDIT.why);
    expect(text).not.toContain("wrongLine");
    expect(text).not.toContain('"answer"');
    expect(before[AUDIT.id]?.question).toMatchObject({
      kind: "audit",
      lines: [{ id: "line-1" }, { id: "line-2" }, { id: "line-3" }],
    });

    await answerQuestion(user.id, answer(JUDGEMENT.id, "shard"), now);
    await answerQuestion(user.id, answer(JUDGEMENT.id, "cache"), new Date(now.getTime() + 1000));
    const after = await serveQuestions(user.id, [JUDGEMENT.id, AUDIT.id], "lesson");
    expect(after[JUDGEMENT.id]?.previous).toMatchObject({ optionId: "cache", correct: true, why: JUDGEMENT.why });
    expect(after[AUDIT.id]?.previous).toBeNull();
    expect((await serveQuestions(null, [JUDGEMENT.id], "lesson"))[JUDGEMENT.id]?.previous).toBeNull();
  });
});

describe("the audits drill's next item", () => {
  const ids = ["audit-a", "audit-b", "audit-c"];
  test.each([
    { label: "first visit: the first", right: [], after: null, expected: "audit-a" },
    { label: "after one: the next not yet right", right: ["audit-b"], after: "audit-a", expected: "audit-c" },
    { label: "wraps round", right: [], after: "audit-c", expected: "audit-a" },
    { label: "all right: a random other", right: ids, after: "audit-a", expected: "audit-b" },
    {
      label: "one audit, answered: that one again",
      right: ["audit-a"],
      after: "audit-a",
      expected: "audit-a",
      only: true,
    },
  ])("$label", ({ right, after, expected, only }) => {
    expect(pickAudit(only ? ["audit-a"] : ids, new Set(right), after, () => 0)).toBe(expected);
  });

  test("no audits: nothing to serve", () => {
    expect(pickAudit([], new Set(), null)).toBeNull();
  });
});

describe("owning and resetting the answers", () => {
  test("the export holds them; resetting the lesson's module removes them, the judgement card and the fix attempts", async () => {
    const user = await makeUser();
    await answerQuestion(user.id, answer(JUDGEMENT.id, "shard"), now);
    const verdict = await answerQuestion(user.id, answer(AUDIT.id, "line-2"), now);
    if (!verdict.ok || !verdict.fix) throw new Error("an audit's verdict brings its fix");
    await recordAttempt(
      user.id,
      {
        clientId: randomUUID(),
        exerciseId: AUDIT.id,
        seed: 0,
        token: verdict.fix.token,
        source: "lesson",
        answers: { fix: "2400 requests/s" },
        elapsedMs: 5000,
      },
      now,
    );
    const exported = await exportUserData(user.id);
    expect(exported.questions.map((q) => q.questionId).sort()).toEqual([AUDIT.id, JUDGEMENT.id]);
    expect(exported.cards.map((c) => c.cardId).sort()).toEqual(["judge:judge-test-cache", "step:audit-test-day:fix"]);

    await resetModuleProgress(user.id, "estimation");
    expect(await testDb().questionAnswer.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().reviewCard.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(0);
  });
});
