import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, test, vi } from "vitest";
import { getExercise, getLesson, listDrills, listExercisesOfLesson, listCaseEntries } from "@/lib/content";
import { buildExercise, convert } from "@/lib/engine";
import { disconnectDb, serveVariant, stepCardId, type AttemptSubmit } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

/** Correct lesson attempts at `exerciseIds`, stored directly, so the next answer is the lesson's last. */
async function storeCorrectAttempts(userId: string, exerciseIds: string[]) {
  await testDb().attempt.createMany({
    data: exerciseIds.map((exerciseId) => ({
      userId,
      clientId: randomUUID(),
      exerciseId,
      source: "lesson",
      seed: 0,
      answers: {},
      steps: [],
      score: 1,
      correct: true,
      elapsedMs: 1000,
    })),
  });
}

// POST /api/attempts as the browser (and its outbox) calls it, against the real database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST } = await import("@/app/api/attempts/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const EXERCISE = "numbers-image-api-gbps";
const LESSON = "numbers-to-know";

function request(body: unknown): Request {
  return new Request("http://localhost/api/attempts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The reference answer of every step asked, from the real engine (an open exercise asks only its last step). */
function rightAnswers(exerciseId: string, seed: number): Record<string, string> {
  const exercise = getExercise(exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId}`);
  const steps = buildExercise(exercise.spec, seed).steps;
  const asked = exercise.spec.open ? steps.slice(-1) : steps;
  return Object.fromEntries(asked.map((step) => [step.id, `${convert(step.expected, step.unit)} ${step.unit}`.trim()]));
}

function submission(exerciseId: string, overrides: Partial<AttemptSubmit> = {}): AttemptSubmit {
  const seed = overrides.seed ?? 0;
  const served = serveVariant(exerciseId, seed);
  if (!served) throw new Error(`exercise ${exerciseId} missing`);
  return {
    clientId: randomUUID(),
    exerciseId,
    seed,
    token: served.token,
    source: "lesson",
    answers: rightAnswers(exerciseId, seed),
    elapsedMs: 42_000,
    ...overrides,
  };
}

async function attemptsOf(userId: string): Promise<number> {
  return testDb().attempt.count({ where: { userId } });
}

describe("an exercise is answered where it belongs", () => {
  const drill = listDrills()[0];
  const caseExercise = listCaseEntries().flatMap((entry) => entry.exercises)[0];
  if (!drill || !caseExercise) throw new Error("the content has no drill or no case estimate");

  test.each([
    { label: "a drill sent as a lesson's exercise", id: drill.id, source: "lesson", error: /is a drill/ },
    { label: "a lesson's exercise sent as a drill", id: EXERCISE, source: "drill", error: /is not a drill/ },
    { label: "a case's estimate sent as a lesson's", id: caseExercise.spec.id, source: "lesson", error: /in its case/ },
    { label: "a lesson's exercise sent as a case's", id: EXERCISE, source: "case", error: /not an estimate of a case/ },
  ] as const)("$label → 400 with a message, nothing stored", async ({ id, source, error }) => {
    session.user = await makeUser();
    const response = await POST(request(submission(id, { source })));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(error);
    expect(await attemptsOf(session.user.id)).toBe(0);
  });

  test("a drill sent as a drill and a lesson's exercise sent as a lesson's are stored", async () => {
    session.user = await makeUser();
    expect((await POST(request(submission(drill.id, { source: "drill" })))).status).toBe(201);
    expect((await POST(request(submission(EXERCISE)))).status).toBe(201);
    expect(await attemptsOf(session.user.id)).toBe(2);
  });
});

describe("a client id is one submission", () => {
  const CONFLICT = "This client id was already used for a different submission. Send a new client id.";

  test("the same body again is the stored attempt (200, duplicate); nothing more is stored", async () => {
    session.user = await makeUser();
    const body = submission(EXERCISE);
    expect((await POST(request(body))).status).toBe(201);
    const again = await POST(request(body));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, stored: true });
    expect(await attemptsOf(session.user.id)).toBe(1);
  });

  test.each([
    {
      label: "other answers",
      change: (b: AttemptSubmit) => ({ ...b, answers: { ...b.answers, [Object.keys(b.answers)[0] ?? "?"]: "1" } }),
    },
    { label: "another time taken", change: (b: AttemptSubmit) => ({ ...b, elapsedMs: b.elapsedMs + 1 }) },
    { label: "a scratchpad", change: (b: AttemptSubmit) => ({ ...b, work: ["10 * 2"] }) },
    { label: "played open", change: (b: AttemptSubmit) => ({ ...b, mode: "open" as const }) },
    { label: "another seed", change: (b: AttemptSubmit) => submission(EXERCISE, { seed: 7, clientId: b.clientId }) },
  ])("the same client id with $label → 409 with a message, and the stored attempt is unchanged", async ({ change }) => {
    session.user = await makeUser();
    const body = submission(EXERCISE);
    expect((await POST(request(body))).status).toBe(201);
    const stored = await testDb().attempt.findMany({ where: { userId: session.user.id } });
    const clash = await POST(request(change(body)));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toEqual({ error: CONFLICT });
    expect(await testDb().attempt.findMany({ where: { userId: session.user.id } })).toEqual(stored);
  });
});

/** A learner who has answered every other exercise of the lesson, and a submission that completes it with one step wrong. */
async function lastExerciseWithAMiss(): Promise<{ userId: string; body: AttemptSubmit; cardId: string }> {
  const user = await makeUser();
  session.user = user;
  const lesson = getLesson(LESSON);
  if (!lesson) throw new Error(`no lesson ${LESSON}`);
  const others = listExercisesOfLesson(lesson)
    .map((entry) => entry.spec.id)
    .filter((id) => id !== EXERCISE);
  await storeCorrectAttempts(user.id, others);
  const right = rightAnswers(EXERCISE, 0);
  const missed = Object.keys(right)[1];
  if (!missed) throw new Error("expected a second step");
  return {
    userId: user.id,
    body: submission(EXERCISE, { answers: { ...right, [missed]: "1 Gbps" } }),
    cardId: stepCardId(EXERCISE, missed),
  };
}

describe("an attempt, the lesson it completes and the cards it makes are one write", () => {
  test("a connection lost half-way stores none of them; the replay stores all of them, once", async () => {
    const { userId, body, cardId } = await lastExerciseWithAMiss();
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      // Another transaction holds the step card's key, so the app's card insert waits; then its connection is killed.
      await blocker.query("BEGIN");
      await blocker.query(
        `INSERT INTO "ReviewCard" ("userId", "cardId", kind, due, stability, difficulty, "scheduledDays",
           "learningSteps", reps, lapses, state) VALUES ($1, $2, 'step', now(), 0, 0, 0, 0, 0, 0, 'new')`,
        [userId, cardId],
      );
      const { rows } = await blocker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const blockerPid = rows[0]?.pid;
      const sent = POST(request(body)).then(
        (response) => response.status,
        (error: unknown) => error,
      );
      let killed = false;
      for (let i = 0; i < 100 && !killed; i++) {
        const waiting = await blocker.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))`,
          [blockerPid],
        );
        const pid = waiting.rows[0]?.pid;
        if (pid) {
          await blocker.query("SELECT pg_terminate_backend($1)", [pid]);
          killed = true;
        } else await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(killed).toBe(true);
      expect(await sent).toBe(503); // a lost connection: "the database cannot be reached … nothing was saved"
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    // Nothing of the failed request is stored: no attempt, no completion, no card.
    expect(await testDb().attempt.count({ where: { userId: userId, clientId: body.clientId } })).toBe(0);
    expect(await testDb().lessonProgress.count({ where: { userId: userId, completedAt: { not: null } } })).toBe(0);
    expect(await testDb().reviewCard.count({ where: { userId: userId } })).toBe(0);

    // The outbox sends it again with the same client id: all of it is stored, once.
    const replay = await POST(request(body));
    expect(replay.status).toBe(201);
    const again = await POST(request(body));
    expect(again.status).toBe(200);
    expect(await testDb().attempt.count({ where: { userId: userId, clientId: body.clientId } })).toBe(1);
    const progress = await testDb().lessonProgress.findMany({ where: { userId: userId } });
    expect(progress).toHaveLength(1);
    expect(progress[0]?.completedAt).not.toBeNull();
    expect(await testDb().reviewCard.count({ where: { userId: userId, cardId } })).toBe(1);
    expect(await testDb().reviewCard.count({ where: { userId: userId, kind: "fact" } })).toBeGreaterThan(0);
  });

  test("an attempt stored alone by an earlier version gets its completion and cards when it is sent again", async () => {
    const { userId, body, cardId } = await lastExerciseWithAMiss();
    expect((await POST(request(body))).status).toBe(201);
    // What a connection lost after the attempt's own insert used to leave behind.
    await testDb().reviewCard.deleteMany({ where: { userId } });
    await testDb().lessonProgress.deleteMany({ where: { userId } });
    for (let i = 0; i < 2; i++) {
      const replay = await POST(request(body));
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ duplicate: true });
    }
    expect(await testDb().attempt.count({ where: { userId, clientId: body.clientId } })).toBe(1);
    expect(await testDb().lessonProgress.count({ where: { userId, completedAt: { not: null } } })).toBe(1);
    expect(await testDb().reviewCard.count({ where: { userId, cardId } })).toBe(1);
    expect(await testDb().reviewCard.count({ where: { userId, kind: "fact" } })).toBeGreaterThan(0);
  });

  test("a replay does not bring a reviewed step card forward", async () => {
    const { userId, body, cardId } = await lastExerciseWithAMiss();
    expect((await POST(request(body))).status).toBe(201);
    const later = new Date(Date.now() + 86_400_000);
    await testDb().reviewCard.update({ where: { userId_cardId: { userId, cardId } }, data: { due: later } });
    expect((await POST(request(body))).status).toBe(200);
    expect((await testDb().reviewCard.findUnique({ where: { userId_cardId: { userId, cardId } } }))?.due).toEqual(
      later,
    );
  });

  test("the lesson's last two exercises answered at the same moment complete it", async () => {
    // Each attempt's transaction cannot see the other's insert: they take turns on the lesson before counting.
    const lesson = getLesson(LESSON);
    if (!lesson) throw new Error(`no lesson ${LESSON}`);
    const ids = listExercisesOfLesson(lesson).map((entry) => entry.spec.id);
    const second = ids.find((id) => id !== EXERCISE);
    if (!second) throw new Error("expected two exercises in the lesson");
    for (let round = 0; round < 5; round++) {
      const user = await makeUser();
      session.user = user;
      await storeCorrectAttempts(
        user.id,
        ids.filter((id) => id !== EXERCISE && id !== second),
      );
      const statuses = await Promise.all(
        [EXERCISE, second].map(async (id) => (await POST(request(submission(id)))).status),
      );
      expect(statuses).toEqual([201, 201]);
      const progress = await testDb().lessonProgress.findUnique({
        where: { userId_lessonId: { userId: user.id, lessonId: LESSON } },
      });
      expect(progress?.completedAt).not.toBeNull();
    }
  });
});
