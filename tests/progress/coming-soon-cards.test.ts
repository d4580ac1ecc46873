import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { addLessonCards, addModuleCards, disconnectDb, listDeck } from "@/lib/progress";
import { makeUser } from "../helpers/users";

// A course of our own with one written lesson and one still to come, whose cards exist before its text: the course's
// real lessons are all written now, and the rule must hold for the next one planned.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-soon-content-"));
process.env.ENVELOPE_CONTENT_DIR = root;
const files: Record<string, string> = {
  "curriculum.json": JSON.stringify([
    { order: 1, id: "written-lesson", module: "building-blocks", title: "A written lesson" },
    { order: 2, id: "soon-lesson", module: "building-blocks", title: "A lesson still to come" },
  ]),
  "lessons/01-written-lesson.mdx": `---
id: written-lesson
title: A written lesson
summary: A lesson the test writes.
module: building-blocks
order: 1
minutes: 5
prerequisites: []
sources: ["000 Part 2"]
---

## Idea

Text.
`,
  "cards/01-written-lesson.json": JSON.stringify([
    { id: "written-one", q: "One?", a: "1" },
    { id: "written-two", q: "Two?", a: "2" },
  ]),
  "cards/02-soon-lesson.json": JSON.stringify([{ id: "soon-one", q: "Soon?", a: "Later" }]),
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(root, { recursive: true, force: true });
});

const now = new Date("2026-04-01T10:00:00Z");

test("a coming-soon lesson's cards are never added, by lesson or by module; a written lesson's are", async () => {
  const user = await makeUser();
  expect(await addLessonCards(user.id, "soon-lesson", now)).toBe(0);
  expect(await addModuleCards(user.id, "building-blocks", now)).toBe(2);
  expect((await listDeck(user.id)).map((card) => card.cardId).sort()).toEqual(["written-one", "written-two"]);
  expect(await addLessonCards(user.id, "written-lesson", now)).toBe(0);
});
