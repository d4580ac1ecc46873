import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { disconnectDb, getCaseRun, writeCase, type CaseWrite } from "@/lib/progress";
import { testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// A small case of our own, so these tests do not move when the course's cases are edited.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-case-content-"));
process.env.ENVELOPE_CONTENT_DIR = root;
const STAGES = ["requirements", "estimation", "api", "design", "deepDive", "failures", "wrapUp"] as const;
const points = (stage: string) =>
  Array.from({ length: 5 }, (_, i) => ({
    id: `${stage.toLowerCase()}-point-${i}`,
    point: `Point ${i} of the ${stage} stage`,
    match: [[`word${i}`], ["shared"]],
  }));
const stage = (name: string) => ({
  question: `What do you do in the ${name} stage?`,
  checklist: points(name),
  choices:
    name === "api"
      ? [
          {
            id: "redirect-code",
            question: "Which redirect status do you return?",
            options: [
              { id: "s301", text: "301" },
              { id: "s302", text: "302" },
            ],
            answer: "s302",
            why: "A 302 keeps every click reaching the service, so analytics stay complete.",
          },
        ]
      : name === "design"
        ? [
            {
              id: "store",
              question: "Which store holds the mapping?",
              options: [
                { id: "kv", text: "Key-value" },
                { id: "graph", text: "Graph" },
              ],
              answer: "kv",
              why: "The access is one key to one value, at high read rates.",
            },
          ]
        : [],
  estimates: name === "estimation" ? ["tc-rate", "tc-storage", "tc-cache", "tc-keys"] : [],
  spotTheProblem:
    name === "estimation"
      ? [
          {
            id: "spot-rate",
            intro: "A source's estimate of the request rate:",
            lines: ["8.64M requests a day", "8.64M ÷ 3,600 = 2,400 a second", "peak ×3 = 7,200 a second"],
            wrongLine: 1,
            why: "A day has 86,400 seconds, not 3,600: it is 100 a second.",
            estimate: "tc-spot",
          },
        ]
      : [],
});
const exercise = (id: string) => ({
  id,
  title: `Exercise ${id}`,
  scenario: "A service handles {n} requests a day.",
  skill: "average and peak QPS",
  givens: [
    { name: "n", label: "Requests per day", value: 8640000, unit: "requests", vary: { min: 1000000, max: 100000000 } },
  ],
  steps: [{ id: "rate", prompt: "Requests per second?", formula: "n / 1 day", unit: "requests/s" }],
});
fs.mkdirSync(path.join(root, "cases"), { recursive: true });
fs.writeFileSync(
  path.join(root, "cases", "21-case-test.case.json"),
  JSON.stringify({
    id: "case-test",
    code: "CS-99",
    title: "A test case",
    summary: "A case made for the data layer's tests.",
    difficulty: "introductory",
    brief: "Design a small service for the tests.",
    sources: ["tests"],
    budgetMinutes: { requirements: 5, estimation: 7, api: 5, design: 10, deepDive: 10, failures: 5, wrapUp: 3 },
    stages: Object.fromEntries(STAGES.map((name) => [name, stage(name)])),
    curveball: {
      after: "design",
      prompt: "Traffic is now ten times higher at launch.",
      estimates: ["tc-curve"],
      checklist: points("curveball").slice(0, 3),
    },
    study: Object.fromEntries(STAGES.map((name) => [name, ["estimation-pipeline"]])),
  }),
);
fs.writeFileSync(
  path.join(root, "cases", "21-case-test.exercises.json"),
  JSON.stringify(["tc-rate", "tc-storage", "tc-cache", "tc-keys", "tc-curve", "tc-spot"].map(exercise)),
);

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(root, { recursive: true, force: true });
});

const now = new Date("2026-06-01T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

/** A write's body without its client id (for each kind of write). */
type WriteBody = CaseWrite extends infer T ? (T extends CaseWrite ? Omit<T, "clientId"> : never) : never;

/** A write with a fresh client id. */
function write(input: WriteBody): CaseWrite {
  return { clientId: randomUUID(), ...input };
}

describe("a run through a case", () => {
  test("start, notes, reveal, next: the state, the notes and the time per stage are stored and resumable", async () => {
    const user = await makeUser();
    expect(
      await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "interview", restart: false }), now),
    ).toMatchObject({ ok: true });
    await writeCase(
      user.id,
      write({ kind: "notes", caseId: "case-test", step: "requirements", text: "shared word0 word1" }),
      at(1),
    );
    await writeCase(user.id, write({ kind: "reveal", caseId: "case-test" }), at(4));
    const moved = await writeCase(user.id, write({ kind: "next", caseId: "case-test" }), at(5));
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.run.state).toEqual({ step: "estimation", revealed: false });
    expect(moved.run.timeMs.requirements).toBe(5 * 60_000);
    // Leaving pauses the clock; coming back an hour later resumes it where it was.
    await writeCase(user.id, write({ kind: "pause", caseId: "case-test" }), at(7));
    await writeCase(user.id, write({ kind: "resume", caseId: "case-test" }), at(67));
    const resumed = await getCaseRun(user.id, "case-test", at(68));
    expect(resumed?.timeMs.estimation).toBe(3 * 60_000);
    expect(resumed?.notes.requirements).toBe("shared word0 word1");
    expect(resumed?.mode).toBe("interview");
  });

  test("a replayed client id is stored once; the same id with another body is a conflict", async () => {
    const user = await makeUser();
    await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "practice", restart: false }), now);
    const reveal = write({ kind: "reveal", caseId: "case-test" });
    const results = await Promise.all([
      writeCase(user.id, reveal, at(1)),
      writeCase(user.id, reveal, at(1)),
      writeCase(user.id, reveal, at(1)),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await testDb().caseWrite.count({ where: { userId: user.id } })).toBe(2);
    const reused = await writeCase(user.id, { ...reveal, kind: "next" }, at(2));
    expect(reused).toEqual({
      ok: false,
      reason: "conflict",
      message: "This client id was already used for a different request.",
    });
  });

  test.each<{ label: string; input: WriteBody; reason: string; message: RegExp }>([
    {
      label: "a case that does not exist",
      input: { kind: "reveal", caseId: "no-such-case" },
      reason: "not-found",
      message: /no case/,
    },
    {
      label: "notes for a stage not reached",
      input: { kind: "notes", caseId: "case-test", step: "deepDive", text: "later" },
      reason: "invalid",
      message: /not reached yet/,
    },
    {
      label: "a mark before the reveal",
      input: { kind: "mark", caseId: "case-test", pointId: "requirements-point-0", mark: "covered" },
      reason: "invalid",
      message: /Reveal the stage/,
    },
    {
      label: "an unknown checklist point",
      input: { kind: "mark", caseId: "case-test", pointId: "nope", mark: "covered" },
      reason: "invalid",
      message: /no checklist point/,
    },
    {
      label: "a choice of a later stage",
      input: { kind: "choice", caseId: "case-test", choiceId: "redirect-code", optionId: "s302" },
      reason: "invalid",
      message: /own stage/,
    },
    {
      label: "next before the reveal",
      input: { kind: "next", caseId: "case-test" },
      reason: "conflict",
      message: /Reveal this stage/,
    },
  ])("$label is refused and changes nothing", async ({ input, reason, message }) => {
    const user = await makeUser();
    await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "practice", restart: false }), now);
    const before = await getCaseRun(user.id, "case-test", now);
    const result = await writeCase(user.id, write(input), at(1));
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).toMatch(message);
    expect(await getCaseRun(user.id, "case-test", now)).toEqual(before);
  });

  test("another learner's run is never touched", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    await writeCase(a.id, write({ kind: "start", caseId: "case-test", mode: "practice", restart: false }), now);
    await writeCase(a.id, write({ kind: "notes", caseId: "case-test", step: "requirements", text: "mine" }), now);
    expect(await getCaseRun(b.id, "case-test", now)).toBeNull();
    expect(await writeCase(b.id, write({ kind: "reveal", caseId: "case-test" }), now)).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect((await getCaseRun(a.id, "case-test", now))?.state).toEqual({ step: "requirements", revealed: false });
  });

  test("walking every stage to the end keeps a score card; unconfirmed points count as their pre-mark", async () => {
    const user = await makeUser();
    await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "interview", restart: false }), now);
    let minute = 0;
    for (const step of [
      "requirements",
      "estimation",
      "api",
      "design",
      "curveball",
      "deepDive",
      "failures",
      "wrapUp",
    ] as const) {
      await writeCase(
        user.id,
        write({ kind: "notes", caseId: "case-test", step, text: "shared word0 word1 word2 word3 word4" }),
        at(++minute),
      );
      if (step === "api")
        await writeCase(
          user.id,
          write({ kind: "choice", caseId: "case-test", choiceId: "redirect-code", optionId: "s302" }),
          at(minute),
        );
      await writeCase(user.id, write({ kind: "reveal", caseId: "case-test" }), at(++minute));
      await writeCase(user.id, write({ kind: "next", caseId: "case-test" }), at(++minute));
    }
    const run = await getCaseRun(user.id, "case-test", at(minute));
    expect(run?.state.step).toBe("done");
    expect(run?.completedAt).toEqual(at(minute));
    // The case's own cards (none in this fixture's content) would join the deck now; nothing else was added.
    expect(await testDb().reviewCard.count({ where: { userId: user.id, kind: "fact" } })).toBe(0);
    const results = await testDb().caseResult.findMany({ where: { userId: user.id } });
    expect(results).toHaveLength(1);
    const stages = results[0]?.stages;
    // Every checklist point covered by the notes; the estimates never answered score 0; one of two choices right.
    expect(Array.isArray(stages) && stages.length).toBe(7);
    expect(results[0]?.total).toBeGreaterThan(0.4);
    expect(results[0]?.total).toBeLessThan(1);
  });

  test("a checklist point marked missed becomes a review card, reviewed like a flashcard", async () => {
    const { listDueReviews, reviewCard } = await import("@/lib/progress");
    const user = await makeUser();
    await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "practice", restart: false }), now);
    await writeCase(user.id, write({ kind: "reveal", caseId: "case-test" }), at(1));
    await writeCase(
      user.id,
      write({ kind: "mark", caseId: "case-test", pointId: "requirements-point-2", mark: "missed" }),
      at(2),
    );
    await writeCase(
      user.id,
      write({ kind: "mark", caseId: "case-test", pointId: "requirements-point-3", mark: "covered" }),
      at(2),
    );
    const due = await listDueReviews(user.id, at(3));
    expect(due).toEqual([
      expect.objectContaining({
        kind: "fact",
        cardId: "point:case-test:requirements-point-2",
        answer: "Point 2 of the requirements stage",
      }),
    ]);
    const rated = await reviewCard(
      user.id,
      { clientId: randomUUID(), cardId: "point:case-test:requirements-point-2", rating: 3, durationMs: 4000 },
      at(4),
    );
    expect(rated).toMatchObject({ ok: true, rating: 3 });
  });

  test("spot the problem: the learner picks a line, in its stage, among the item's lines", async () => {
    const user = await makeUser();
    await writeCase(user.id, write({ kind: "start", caseId: "case-test", mode: "practice", restart: false }), now);
    await writeCase(user.id, write({ kind: "reveal", caseId: "case-test" }), at(1));
    await writeCase(user.id, write({ kind: "next", caseId: "case-test" }), at(2));
    expect(
      await writeCase(
        user.id,
        write({ kind: "choice", caseId: "case-test", choiceId: "spot-rate", optionId: "line-9" }),
        at(3),
      ),
    ).toMatchObject({ ok: false, reason: "invalid" });
    const picked = await writeCase(
      user.id,
      write({ kind: "choice", caseId: "case-test", choiceId: "spot-rate", optionId: "line-2" }),
      at(3),
    );
    expect(picked).toMatchObject({ ok: true, run: { choices: { "spot-rate": "line-2" } } });
  });

  test("notes over 20,000 characters are refused by the schema with a message that nothing is lost", async () => {
    const { caseWriteSchema } = await import("@/lib/progress");
    const parsed = caseWriteSchema.safeParse({
      clientId: randomUUID(),
      caseId: "case-test",
      kind: "notes",
      step: "requirements",
      text: "x".repeat(20_001),
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.issues[0]?.message).toMatch(/at most 20,000 characters.*Nothing you typed is lost/);
  });
});
