import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { listCards } from "@/lib/content";
import {
  addLessonCards,
  disconnectDb,
  exportUserData,
  listLessonProgress,
  markLessonStarted,
  recordAttempt,
  resetModuleProgress,
  reviewCard,
  reviewLogCsv,
  serveStepVariant,
  serveVariant,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const now = new Date("2026-07-01T08:00:00Z");
const later = new Date("2026-07-01T09:00:00Z");

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF), so the test reads the file as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

async function learnerWithHistory() {
  const user = await makeUser();
  await markLessonStarted(user.id, "numbers-to-know", now);
  await addLessonCards(user.id, "numbers-to-know", now);
  const cardId = [...listCards().values()].find((c) => c.lessonId === "numbers-to-know")?.id ?? "";
  await reviewCard(user.id, { clientId: randomUUID(), cardId, rating: 3, durationMs: 1500 }, now);
  const served = serveVariant("numbers-image-api-gbps", 0);
  await recordAttempt(
    user.id,
    {
      clientId: randomUUID(),
      exerciseId: "numbers-image-api-gbps",
      seed: 0,
      token: served?.token ?? "",
      source: "lesson",
      answers: { bitsOut: "1 Gbps" },
      elapsedMs: 9000,
    },
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

  test("the review log CSV has a header and one row per rating, with each card's question and answer", async () => {
    const { user, cardId } = await learnerWithHistory();
    const stepCard = "step:numbers-image-api-gbps:bitsOut"; // the missed step of learnerWithHistory's attempt
    const served = serveStepVariant(stepCard, 0); // seed 0: the lesson's own numbers, where the answer is 40 Gbps
    await reviewCard(
      user.id,
      {
        clientId: randomUUID(),
        cardId: stepCard,
        answer: "40 Gbps",
        seed: 0,
        token: served?.token ?? "",
        durationMs: 4000,
      },
      later,
    );

    const csv = await reviewLogCsv(user.id);
    expect(csv.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read it as UTF-8").toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      "reviewed_at",
      "card_id",
      "question",
      "answer",
      "kind",
      "rating",
      "verdict",
      "duration_ms",
      "undoes",
      "state_before",
      "due_before",
      "state_after",
      "due_after",
      "client_id",
    ]);
    expect(rows).toHaveLength(2);
    const record = (row: string[] | undefined) =>
      Object.fromEntries((header ?? []).map((name, i) => [name, row?.[i] ?? ""]));
    const card = listCards().get(cardId);
    expect(record(rows[0])).toMatchObject({
      reviewed_at: "2026-07-01T08:00:00.000Z",
      card_id: cardId,
      question: card?.q,
      answer: card?.a,
      kind: "rating",
      rating: "3",
      verdict: "",
      duration_ms: "1500",
      state_before: "new",
    });
    const step = record(rows[1]);
    expect(step).toMatchObject({ card_id: stepCard, kind: "rating", verdict: "exact", duration_ms: "4000" });
    expect(step.question).toMatch(
      /^The link an image API needs: .+ What is that in the unit a network engineer uses\?$/,
    );
    expect(step.answer).toMatch(/^40 Gbps/);
  });

  test.each([
    { label: "a comma", q: "Reads, then writes?", line: '"Reads, then writes?"' },
    { label: "a double quote", q: 'The "hot" key?', line: '"The ""hot"" key?"' },
    { label: "a line break", q: "Two\nlines?", line: '"Two\nlines?"' },
    { label: "nothing to quote", q: "Plain question?", line: "Plain question?" },
  ])("a card question with $label is quoted so it stays one field", ({ q, line }) => {
    expect(parseCsv(`question\r\n${line}\r\n`)).toEqual([["question"], [q]]);
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
    expect(await testDb().reviewCard.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await testDb().attempt.count({ where: { userId: other.user.id } })).toBe(1);
    expect(await testDb().reviewCard.count({ where: { userId: other.user.id } })).toBeGreaterThan(10);
  });

  test("deleting the account removes every row of it", async () => {
    const { user } = await learnerWithHistory();
    const { deleteUser } = await import("@/lib/progress");
    await deleteUser(user.id);
    for (const count of [
      testDb().attempt.count({ where: { userId: user.id } }),
      testDb().reviewCard.count({ where: { userId: user.id } }),
      testDb().reviewLog.count({ where: { userId: user.id } }),
      testDb().lessonProgress.count({ where: { userId: user.id } }),
    ]) {
      expect(await count).toBe(0);
    }
  });
});
