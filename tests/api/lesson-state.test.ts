import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import { getExercise } from "@/lib/content";
import { buildExercise, convert } from "@/lib/engine";
import { disconnectDb, markLessonCompleted, recordAttempt, serveVariant } from "@/lib/progress";
import { makeUser } from "../helpers/users";

// GET /api/me and GET /api/lessons/:id/state as the browser calls them on a prerendered page, against the real
// database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string; name: string | null; email: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const me = (await import("@/app/api/me/route")).GET;
const state = (await import("@/app/api/lessons/[id]/state/route")).GET;

afterAll(async () => {
  await disconnectDb();
});

const LESSON = "numbers-to-know";
const EXERCISE = "numbers-image-api-gbps";
const stateOf = (id: string) =>
  state(new Request(`http://localhost/api/lessons/${id}/state`), { params: Promise.resolve({ id }) });

describe("who is signed in", () => {
  test("a visitor is null, a learner is named, and neither answer is cached", async () => {
    session.user = null;
    const visitor = await me();
    expect(visitor.status).toBe(200);
    expect(await visitor.json()).toEqual({ learner: null });
    expect(visitor.headers.get("cache-control")).toContain("no-store");

    const user = await makeUser("ada");
    session.user = user;
    expect(await (await me()).json()).toEqual({ learner: { id: user.id, name: user.name, email: user.email } });
  });
});

describe("a lesson's own state", () => {
  test("signed out → 401 with a message; an unknown lesson → 404", async () => {
    session.user = null;
    const response = await stateOf(LESSON);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
    session.user = await makeUser();
    const unknown = await stateOf("no-such-lesson");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "There is no such lesson." });
  });

  test("the learner's last answer at the lesson's numbers, graded; prerequisites not done; completion", async () => {
    const user = await makeUser();
    session.user = user;
    const fresh = await (await stateOf(LESSON)).json();
    expect(fresh).toMatchObject({
      completed: false,
      missingPrerequisites: [{ id: "scale-in-interviews", title: expect.any(String) }],
      estimates: {},
    });

    const exercise = getExercise(EXERCISE);
    if (!exercise) throw new Error(`no exercise ${EXERCISE}`);
    const steps = buildExercise(exercise.spec, 0).steps;
    const answers = Object.fromEntries(
      steps.map((step) => [step.id, `${convert(step.expected, step.unit)} ${step.unit}`]),
    );
    const stored = await recordAttempt(
      user.id,
      {
        clientId: randomUUID(),
        exerciseId: EXERCISE,
        seed: 0,
        token: serveVariant(EXERCISE, 0)?.token ?? "",
        source: "lesson",
        answers,
        elapsedMs: 20_000,
      },
      new Date(),
    );
    expect(stored.ok).toBe(true);
    await markLessonCompleted(user.id, "scale-in-interviews", new Date());

    const after = await (await stateOf(LESSON)).json();
    expect(after.missingPrerequisites).toEqual([]);
    expect(after.estimates[EXERCISE]).toMatchObject({ answers, grade: { score: 1 } });
    expect(Object.keys(after.estimates)).toEqual([EXERCISE]);
  });
});
