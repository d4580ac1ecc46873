import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { buildExercise, convert } from "@/lib/engine";
import { getExercise } from "@/lib/content";
import {
  disconnectDb,
  getLatestAttempt,
  gradeAttemptForVisitor,
  listRecentAttempts,
  recordAttempt,
  serveVariant,
  type AttemptSubmit,
} from "@/lib/progress";
import { makeUser } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const EXERCISE = "numbers-image-api-gbps";
const now = new Date("2026-06-01T09:00:00Z");

/** Answers computed from the real engine: the reference value of each step, in the step's unit. */
function rightAnswers(exerciseId: string, seed: number): Record<string, string> {
  const exercise = getExercise(exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId}`);
  const built = buildExercise(exercise.spec, seed);
  return Object.fromEntries(
    built.steps.map((step) => [step.id, `${convert(step.expected, step.unit)} ${step.unit}`.trim()]),
  );
}

function submission(overrides: Partial<AttemptSubmit> = {}): AttemptSubmit {
  const served = serveVariant(EXERCISE, 0);
  if (!served) throw new Error("exercise missing");
  return {
    clientId: randomUUID(),
    exerciseId: EXERCISE,
    seed: 0,
    token: served.token,
    source: "lesson",
    answers: rightAnswers(EXERCISE, 0),
    elapsedMs: 42_000,
    ...overrides,
  };
}

describe("recordAttempt", () => {
  test("grades on the server with the engine and stores the attempt", async () => {
    const user = await makeUser();
    const result = await recordAttempt(user.id, submission(), now);
    if (!result.ok) throw new Error(result.message);
    expect(result.grade.score).toBe(1);
    expect(result.grade.steps.map((s) => s.verdict)).toEqual(["exact", "exact", "exact"]);
    expect(result.attempt).toMatchObject({
      exerciseId: EXERCISE,
      seed: 0,
      correct: true,
      elapsedMs: 42_000,
      createdAt: now,
    });
    expect(result.duplicate).toBe(false);
  });

  test("one right step and one wrong step: per-step verdicts, the worked solution, and where it diverged", async () => {
    const user = await makeUser();
    const answers = rightAnswers(EXERCISE, 0);
    const [first, second] = Object.keys(answers);
    if (!first || !second) throw new Error("expected two steps");
    const result = await recordAttempt(user.id, submission({ answers: { ...answers, [second]: "1 Gbps" } }), now);
    if (!result.ok) throw new Error(result.message);
    const verdicts = Object.fromEntries(result.grade.steps.map((s) => [s.id, s.verdict]));
    expect(verdicts[first]).toBe("exact");
    expect(verdicts[second]).toBe("off");
    expect(result.grade.divergedAt).toBe(second);
    expect(result.grade.worked).toHaveLength(3);
    expect(result.attempt.correct).toBe(false);
  });

  test("a retried or double-clicked submission is stored once", async () => {
    const user = await makeUser();
    const input = submission();
    const results = await Promise.all([
      recordAttempt(user.id, input, now),
      recordAttempt(user.id, input, now),
      recordAttempt(user.id, input, now),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.duplicate).length).toBeLessThanOrEqual(1);
    const again = await recordAttempt(user.id, input, new Date(now.getTime() + 60_000));
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  test("a client id reused for another submission is refused with 409", async () => {
    const user = await makeUser();
    const input = submission();
    await recordAttempt(user.id, input, now);
    const other = serveVariant("numbers-bandwidth-per-day", 0);
    const result = await recordAttempt(
      user.id,
      { ...input, exerciseId: "numbers-bandwidth-per-day", token: other?.token ?? "" },
      now,
    );
    expect(result).toEqual({
      ok: false,
      reason: "conflict",
      message: "This client id was already used for a different submission. Send a new client id.",
    });
  });

  test.each<{ label: string; overrides: Partial<AttemptSubmit>; error: string }>([
    {
      label: "unknown exercise",
      overrides: { exerciseId: "no-such-exercise" },
      error: 'There is no exercise "no-such-exercise".',
    },
    {
      label: "tampered seed",
      overrides: { seed: 12345 },
      error: "This variant was not served by Envelope (the seed and its token do not match). Reload the page.",
    },
    {
      label: "forged token",
      overrides: { token: "forged-token-forged-tok" },
      error: "This variant was not served by Envelope (the seed and its token do not match). Reload the page.",
    },
    {
      label: "a lesson exercise sent as a drill",
      overrides: { source: "drill" as const },
      error: `"${EXERCISE}" is not a drill.`,
    },
    { label: "unknown step ids", overrides: { answers: { nope: "1" } }, error: "Unknown step id(s): nope." },
    { label: "every step empty", overrides: { answers: {} }, error: "Answer at least one step before checking." },
  ])("$label → invalid, nothing stored", async ({ overrides, error }) => {
    const user = await makeUser();
    const result = await recordAttempt(user.id, submission(overrides), now);
    expect(result).toEqual({ ok: false, reason: "invalid", message: error });
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an empty or unreadable step gets its own message while the others are graded", async () => {
    const user = await makeUser();
    const answers = rightAnswers(EXERCISE, 0);
    const [first, second, third] = Object.keys(answers);
    if (!first || !second || !third) throw new Error("expected three steps");
    const result = await recordAttempt(
      user.id,
      submission({ answers: { [first]: answers[first] ?? "", [second]: "lots", [third]: "" } }),
      now,
    );
    if (!result.ok) throw new Error(result.message);
    const steps = Object.fromEntries(result.grade.steps.map((s) => [s.id, s]));
    expect(steps[first]?.verdict).toBe("exact");
    expect(steps[second]?.verdict).toBe("unreadable");
    expect(steps[third]?.verdict).toBe("unreadable");
    expect(steps[third]?.message).toBe("No answer given for this step.");
  });
});

describe("the first check of a variant is the one that counts", () => {
  test("a re-check of the same numbers is graded but not stored, and the progress figures count one run", async () => {
    const user = await makeUser();
    const wrong = Object.fromEntries(Object.keys(rightAnswers(EXERCISE, 0)).map((id) => [id, "1"]));
    const first = await recordAttempt(user.id, submission({ answers: wrong }), now);
    const copied = await recordAttempt(user.id, submission(), new Date(now.getTime() + 4_000));
    if (!first.ok || !copied.ok) throw new Error("expected grades");
    expect(first.counted).toBe(true);
    expect(copied).toMatchObject({ ok: true, counted: false, duplicate: false });
    expect(copied.grade.score).toBe(1);
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(1);
    const runs = await listRecentAttempts(user.id, EXERCISE);
    expect(runs.map((run) => run.score)).toEqual([first.grade.score]);
  });

  test("fresh numbers (another seed) are a new run", async () => {
    const user = await makeUser();
    const drill = "drill-dau-to-peak-qps";
    for (const seed of [11, 12]) {
      const served = serveVariant(drill, seed);
      if (!served) throw new Error("drill missing");
      const result = await recordAttempt(
        user.id,
        submission({
          exerciseId: drill,
          seed,
          token: served.token,
          source: "drill",
          answers: rightAnswers(drill, seed),
        }),
        now,
      );
      expect(result).toMatchObject({ ok: true, counted: true });
    }
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("bad input costs nothing", () => {
  test("an answer over 200 characters is named, the valid steps are graded and stored", async () => {
    const user = await makeUser();
    const answers = rightAnswers(EXERCISE, 0);
    const [first, second] = Object.keys(answers);
    if (!first || !second) throw new Error("expected two steps");
    const result = await recordAttempt(
      user.id,
      submission({ answers: { ...answers, [second]: "9".repeat(250) } }),
      now,
    );
    if (!result.ok) throw new Error(result.message);
    const steps = Object.fromEntries(result.grade.steps.map((s) => [s.id, s]));
    expect(steps[first]?.verdict).toBe("exact");
    expect(steps[second]?.verdict).toBe("unreadable");
    expect(steps[second]?.message).toMatch(/step 2 is 250 characters long; an answer is at most 200/);
    expect(await testDb().attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  test.each([
    { label: "an emoji", answer: "😀" },
    { label: "a division by zero", answer: "1/0" },
    { label: "an answer far too long", answer: "1".repeat(300) },
  ])("$label is not a miss: no review card", async ({ answer }) => {
    const user = await makeUser();
    const answers = rightAnswers(EXERCISE, 0);
    const [first, second] = Object.keys(answers);
    if (!first || !second) throw new Error("expected two steps");
    const result = await recordAttempt(
      user.id,
      submission({ answers: { [first]: answers[first] ?? "", [second]: answer } }),
      now,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.grade.steps.find((s) => s.id === second)?.verdict).toBe("unreadable");
    expect(await testDb().reviewCard.count({ where: { userId: user.id, kind: "step" } })).toBe(0);
  });

  test("a wrong answer still becomes a review card", async () => {
    const user = await makeUser();
    const answers = rightAnswers(EXERCISE, 0);
    const second = Object.keys(answers)[1] ?? "";
    await recordAttempt(user.id, submission({ answers: { ...answers, [second]: "1 Gbps" } }), now);
    expect(await testDb().reviewCard.count({ where: { userId: user.id, kind: "step" } })).toBe(1);
  });
});

describe("attempts are each learner's own", () => {
  test("user B never sees user A's attempts, and the same client id from two users is two attempts", async () => {
    const a = await makeUser("a");
    const b = await makeUser("b");
    const input = submission();
    await recordAttempt(a.id, input, now);
    expect(await getLatestAttempt(b.id, EXERCISE)).toBeNull();
    expect(await listRecentAttempts(b.id, EXERCISE)).toEqual([]);
    const forB = await recordAttempt(b.id, input, now);
    expect(forB).toMatchObject({ ok: true, duplicate: false });
    expect(await listRecentAttempts(a.id, EXERCISE)).toHaveLength(1);
    expect(await listRecentAttempts(b.id, EXERCISE)).toHaveLength(1);
  });

  test("the latest attempt comes back with its answers and the same grade after a reload", async () => {
    const user = await makeUser();
    const input = submission();
    const first = await recordAttempt(user.id, input, now);
    const latest = await getLatestAttempt(user.id, EXERCISE, "lesson");
    if (!first.ok || !latest) throw new Error("expected an attempt");
    expect(latest.attempt.answers).toEqual(input.answers);
    expect(latest.grade).toEqual(first.grade);
  });
});

describe("finishing a lesson's exercises completes the lesson", () => {
  test("the lesson is complete once every one of its exercises has an attempt", async () => {
    const { listLessonProgress } = await import("@/lib/progress");
    const { getLesson, listExercisesOfLesson } = await import("@/lib/content");
    const user = await makeUser();
    const lesson = getLesson("numbers-to-know");
    if (!lesson) throw new Error("lesson missing");
    const ids = listExercisesOfLesson(lesson).map((entry) => entry.spec.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const [index, exerciseId] of ids.entries()) {
      const served = serveVariant(exerciseId, 0);
      if (!served) throw new Error("exercise missing");
      // An open estimate asks only its last step: answer the first step the served prompt shows.
      const firstStep = served.prompt.steps[0]?.id ?? "";
      await recordAttempt(
        user.id,
        { ...submission(), exerciseId, token: served.token, answers: { [firstStep]: "1" } },
        now,
      );
      const row = (await listLessonProgress(user.id)).find((p) => p.lessonId === "numbers-to-know");
      expect(row?.completedAt ?? null).toEqual(index === ids.length - 1 ? now : null);
    }
  });
});

describe("the scratchpad and open play", () => {
  const DRILL = "drill-dau-to-peak-qps";

  function openSubmission(answer: string, work: string[]): AttemptSubmit {
    const served = serveVariant(DRILL, 7, { open: true });
    if (!served) throw new Error("drill missing");
    const last = served.prompt.steps.at(-1);
    if (!last || served.prompt.steps.length !== 1) throw new Error("an open prompt holds only the last step");
    return {
      clientId: randomUUID(),
      exerciseId: DRILL,
      seed: 7,
      token: served.token,
      source: "drill",
      answers: { [last.id]: answer },
      elapsedMs: 30_000,
      mode: "open",
      work,
    };
  }

  test("a drill played open grades the final answer, aligns the chain and stores the lines once", async () => {
    const user = await makeUser();
    const exercise = getExercise(DRILL);
    if (!exercise) throw new Error("drill missing");
    const built = buildExercise(exercise.spec, 7);
    const peak = built.steps.at(-1);
    if (!peak) throw new Error("no steps");
    const right = `${convert(peak.expected, peak.unit)} ${peak.unit}`;
    const work = ["daily = dau * actions / 1 day", "daily * peak"];
    const input = openSubmission(right, work);
    const result = await recordAttempt(user.id, input, now);
    if (!result.ok) throw new Error(result.message);
    expect(result.grade.score).toBe(1);
    expect(result.grade.steps.map((step) => step.id)).toEqual([peak.id]);
    expect(result.grade.chain?.steps.map((step) => step.status)).toEqual(["agrees", "agrees", "agrees"]);
    expect(result.attempt.work).toEqual({ open: true, lines: work });
    expect(result.prompt.steps).toHaveLength(1);

    const replayed = await recordAttempt(user.id, input, now);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(replayed.duplicate).toBe(true);
    expect(replayed.grade.chain).toEqual(result.grade.chain);
    const stored = await testDb().attempt.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.work).toEqual({ open: true, lines: work });

    const latest = await getLatestAttempt(user.id, DRILL, "drill");
    expect(latest?.grade.chain?.related).toBe(true);
  });

  test("open play answers only the last step: an earlier step's id is refused", async () => {
    const user = await makeUser();
    const input = openSubmission("5k", []);
    const result = await recordAttempt(user.id, { ...input, answers: { daily: "1M", ...input.answers } }, now);
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (!result.ok) expect(result.message).toMatch(/Unknown step id\(s\): daily/);
  });

  test("a stepped attempt keeps its scratchpad lines beside the answers", async () => {
    const user = await makeUser();
    const result = await recordAttempt(user.id, submission({ work: ["x = 3 TB/day", "x to MB/s"] }), now);
    if (!result.ok) throw new Error(result.message);
    expect(result.attempt.work).toEqual({ open: false, lines: ["x = 3 TB/day", "x to MB/s"] });
    expect(result.grade.chain).toBeUndefined();
    const bare = await recordAttempt(user.id, submission({ seed: 0, clientId: randomUUID() }), now);
    if (!bare.ok) throw new Error(bare.message);
    expect(bare.counted).toBe(false);
  });

  test("a visitor's attempt is graded and nothing is stored", async () => {
    const before = await testDb().attempt.count();
    const graded = gradeAttemptForVisitor(openSubmission("1", ["x = 1"]));
    if (!graded.ok) throw new Error(graded.message);
    expect(graded.grade.steps[0]?.verdict).toBe("off");
    expect(await testDb().attempt.count()).toBe(before);
    expect(gradeAttemptForVisitor({ ...submission(), source: "case" })).toMatchObject({ ok: false });
  });
});
