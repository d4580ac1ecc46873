import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getExercise, listCards, listJudgements } from "@/lib/content";
import { buildExercise, convert } from "@/lib/engine";
import { addCardsToDeck, disconnectDb, serveVariant, type UserRecord } from "@/lib/progress";
import { disconnectTestDb, learnerRows, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// Learner B, signed in, aims every route that reads or writes learner data at learner A's things: A's cards (a
// flashcard and a missed step), A's case run, A's client ids, A's email. B gets a refusal or an answer about B alone,
// and none of A's rows changes. Signed out, every such route answers 401 with a message (or, where visitors may
// practise, grades without storing anything).

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => session.user,
}));

type Context = { params: Promise<{ id: string }> };
type Handler = (request: Request, context: Context) => Promise<Response>;

const handlers: Record<string, Handler> = {
  "POST /api/account/delete": (await import("@/app/api/account/delete/route")).POST,
  "POST /api/attempts": (await import("@/app/api/attempts/route")).POST,
  "POST /api/cases": (await import("@/app/api/cases/route")).POST,
  "POST /api/deck": (await import("@/app/api/deck/route")).POST,
  "GET /api/export": (await import("@/app/api/export/route")).GET,
  "GET /api/export/reviews.csv": (await import("@/app/api/export/reviews.csv/route")).GET,
  "POST /api/lessons/[id]/progress": (await import("@/app/api/lessons/[id]/progress/route")).POST,
  "POST /api/progress/reset": (await import("@/app/api/progress/reset/route")).POST,
  "POST /api/questions": (await import("@/app/api/questions/route")).POST,
  "POST /api/reviews": (await import("@/app/api/reviews/route")).POST,
  "POST /api/reviews/spread": (await import("@/app/api/reviews/spread/route")).POST,
  "POST /api/reviews/undo": (await import("@/app/api/reviews/undo/route")).POST,
  "GET /api/reviews/workload": (await import("@/app/api/reviews/workload/route")).GET,
  "GET /api/me": (await import("@/app/api/me/route")).GET,
  "GET /api/lessons/[id]/state": (await import("@/app/api/lessons/[id]/state/route")).GET,
  "PUT /api/settings": (await import("@/app/api/settings/route")).PUT,
  "POST /api/settings/fit": (await import("@/app/api/settings/fit/route")).POST,
  "PUT /api/settings/fit": (await import("@/app/api/settings/fit/route")).PUT,
};

/** Routes that hold nothing of any learner, or hand off to next-auth (tested in tests/auth), with why. */
const noLearnerData: Record<string, string> = {
  "/api/health": "reports the database and migrations, no rows of anyone",
  "/api/reference": "the same reference sheet for everyone, built at build time",
  "/api/variants": "a seeded variant of a drill, the same for every learner",
  "/api/auth/[...nextauth]": "next-auth's sign-in and session; tests/auth covers it",
  "/api/sign-up": "creates an account; a taken email is checked below to change nothing of its owner's",
};

/** Every route file under app/api with the methods it exports and whether it reads the session. */
function listRoutes(): { pattern: string; methods: string[]; readsSession: boolean }[] {
  const root = path.resolve("app/api");
  const found: { pattern: string; methods: string[]; readsSession: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) =>
          new RegExp(`export (async )?function ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(source),
        );
        const pattern = `/api/${path.relative(root, dir).split(path.sep).join("/")}`;
        found.push({ pattern, methods, readsSession: source.includes("getCurrentUser") });
      }
    }
  };
  walk(root);
  return found;
}

function call(key: string, body?: unknown, params: Record<string, string> = {}): Promise<Response> {
  const handler = handlers[key];
  if (!handler) throw new Error(`no handler for ${key}`);
  const [method = "GET", pattern = ""] = key.split(" ");
  const url = `http://localhost${pattern.replace("[id]", params.id ?? "")}`;
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  return handler(new Request(url, init), { params: Promise.resolve({ id: params.id ?? "" }) });
}

const EXERCISE = "numbers-image-api-gbps";
const LESSON = "numbers-to-know";
const CASE = "case-url-shortener";
const judgement = listJudgements()[0];
if (!judgement) throw new Error("content has no judgement question");

/** Learner A and what B will aim at. */
type Victim = {
  user: UserRecord;
  marker: string;
  flashcard: string;
  stepCard: string;
  rating: { clientId: string; cardId: string; rating: number; durationMs: number };
  attempt: Record<string, unknown> & { clientId: string };
  answer: { clientId: string; questionId: string; optionId: string; source: string };
  caseStart: { clientId: string; caseId: string; kind: string; mode: string };
  rows: Record<string, string[]>;
};

let a: Victim;

/** Things of A that must never appear in anything B is sent. */
function secretsOfA(): string[] {
  return [a.user.id, a.user.email, a.marker, a.rating.clientId, a.answer.clientId, a.caseStart.clientId];
}

async function expectNothingOfA(response: Response): Promise<string> {
  const text = await response.clone().text();
  for (const secret of secretsOfA()) expect(text, `the response names ${secret}`).not.toContain(secret);
  return text;
}

async function expectRefusal(response: Response, statuses: number[]): Promise<void> {
  expect(statuses).toContain(response.status);
  const body: unknown = await response.clone().json();
  expect(body).toMatchObject({ error: expect.stringMatching(/\S/) });
  await expectNothingOfA(response);
}

beforeAll(async () => {
  const user = await makeUser("victim");
  session.user = user;
  const marker = `secret-${randomUUID().slice(0, 8)}`;
  const flashcard = [...listCards().values()][0]?.id;
  if (!flashcard) throw new Error("no cards in content");
  await addCardsToDeck(user.id, [flashcard], new Date(Date.now() - 60_000));
  const rating = { clientId: randomUUID(), cardId: flashcard, rating: 3, durationMs: 2000 };
  expect((await call("POST /api/reviews", rating)).status).toBe(201);

  // A wrong answer (a thousand times too large) to every step: stored, and each missed step becomes a card of A's. The
  // scratchpad carries the marker, so any response or export that shows A's attempt shows it.
  const exercise = getExercise(EXERCISE);
  if (!exercise) throw new Error(`no exercise ${EXERCISE}`);
  const steps = buildExercise(exercise.spec, 0).steps;
  const attempt = {
    clientId: randomUUID(),
    exerciseId: EXERCISE,
    seed: 0,
    token: serveVariant(EXERCISE, 0)?.token ?? "",
    source: "lesson",
    answers: Object.fromEntries(
      steps.map((step) => [step.id, `${convert(step.expected, step.unit) * 1000} ${step.unit}`]),
    ),
    work: [marker],
    elapsedMs: 30_000,
  };
  expect((await call("POST /api/attempts", attempt)).status).toBe(201);
  const stepCard = (await testDb().reviewCard.findFirst({ where: { userId: user.id, kind: "step" } }))?.cardId;
  if (!stepCard) throw new Error("a missed step did not become a card");

  const answer = {
    clientId: randomUUID(),
    questionId: judgement.id,
    optionId: judgement.options[0]?.id ?? "",
    source: "lesson",
  };
  expect((await call("POST /api/questions", answer)).status).toBe(201);
  const caseStart = { clientId: randomUUID(), caseId: CASE, kind: "start", mode: "practice" };
  expect((await call("POST /api/cases", caseStart)).status).toBe(201);
  const notes = { clientId: randomUUID(), caseId: CASE, kind: "notes", step: "requirements", text: marker };
  expect((await call("POST /api/cases", notes)).status).toBe(201);
  expect((await call("POST /api/lessons/[id]/progress", { event: "started" }, { id: LESSON })).status).toBe(200);
  expect((await call("PUT /api/settings", { desiredRetention: 0.85, timeZone: "Asia/Tokyo" })).status).toBe(200);
  session.user = null;

  a = { user, marker, flashcard, stepCard, rating, attempt, answer, caseStart, rows: await learnerRows(user.id) };
  // A has rows in every learner table but caseResult (no finished run), and more than one card.
  const counts = Object.fromEntries(Object.entries(a.rows).map(([table, rows]) => [table, rows.length]));
  expect(counts).toMatchObject({ user: 1, attempt: 1, reviewLog: 1, caseRun: 1, caseEntry: 1, caseWrite: 2 });
  expect(counts).toMatchObject({ userSettings: 1, lessonProgress: 1, questionAnswer: 1, caseResult: 0 });
  expect(counts.reviewCard).toBeGreaterThan(1);
});

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

/** B, signed in, with nothing of its own yet. */
async function signInAsB(): Promise<UserRecord> {
  const b = await makeUser("intruder");
  session.user = b;
  return b;
}

type Row = { route: string; label: string; act: (b: UserRecord) => Promise<void> };

const matrix: Row[] = [
  {
    route: "POST /api/reviews",
    label: "rates A's flashcard, A's missed step, and replays A's rating with A's client id",
    act: async () => {
      await expectRefusal(await call("POST /api/reviews", { ...a.rating, clientId: randomUUID() }), [404, 409]);
      await expectRefusal(
        await call("POST /api/reviews", { ...a.rating, clientId: randomUUID(), cardId: a.stepCard }),
        [404, 409],
      );
      await expectRefusal(await call("POST /api/reviews", a.rating), [404, 409]);
    },
  },
  {
    route: "POST /api/reviews/undo",
    label: "undoes (B has no rating; A's last rating is not B's to undo), also under A's rating's client id",
    act: async () => {
      await expectRefusal(await call("POST /api/reviews/undo", { clientId: randomUUID() }), [404, 409]);
      await expectRefusal(await call("POST /api/reviews/undo", { clientId: a.rating.clientId }), [404, 409]);
    },
  },
  {
    route: "POST /api/reviews/spread",
    label: "spreads a backlog: only B's cards, of which there are none",
    act: async () => {
      // A has cards due now; B has none, so B's spread keeps and moves nothing.
      const response = await call("POST /api/reviews/spread", { perDay: 10 });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ keptToday: 0, moved: 0 });
    },
  },
  {
    route: "GET /api/reviews/workload",
    label: "reads the workload table: B's own, naming nothing of A's",
    act: async () => {
      const response = await call("GET /api/reviews/workload");
      expect(response.status).toBe(200);
      await expectNothingOfA(response);
    },
  },
  {
    route: "POST /api/attempts",
    label: "sends A's client id with A's body, then with another body: stored as B's own, never A's replayed",
    act: async (b) => {
      const same = await call("POST /api/attempts", a.attempt);
      expect(same.status).toBe(201);
      expect(await same.json()).toMatchObject({ duplicate: false, stored: true });
      // A's other client id on the same numbers: B's own re-check (graded, not counted), not a clash with A's.
      const other = await call("POST /api/attempts", { ...a.attempt, clientId: a.answer.clientId, elapsedMs: 1 });
      expect(other.status).toBe(200);
      expect(await other.json()).toMatchObject({ duplicate: false, counted: false });
      expect(await testDb().attempt.count({ where: { userId: b.id } })).toBe(1);
    },
  },
  {
    route: "POST /api/questions",
    label: "answers with A's client id: B's own answer, not A's stored verdict",
    act: async () => {
      const response = await call("POST /api/questions", a.answer);
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ duplicate: false, stored: true });
    },
  },
  {
    route: "POST /api/cases",
    label: "moves, reveals, writes notes in and marks A's case run; replays A's start under A's client id",
    act: async () => {
      const base = { caseId: CASE };
      for (const write of [
        { kind: "next" },
        { kind: "reveal" },
        { kind: "pause" },
        { kind: "resume" },
        { kind: "notes", step: "requirements", text: "overwritten" },
      ]) {
        const response = await call("POST /api/cases", { clientId: randomUUID(), ...base, ...write });
        if (response.status < 400) {
          // A pause or resume with no run of B's is a no-op about B, and must show nothing of A's run.
          await expectNothingOfA(response);
        } else {
          await expectRefusal(response, [404, 409]);
        }
      }
      const replay = await call("POST /api/cases", a.caseStart);
      expect(replay.status).toBe(201);
      const text = await expectNothingOfA(replay);
      expect(JSON.parse(text)).toMatchObject({ duplicate: false });
    },
  },
  {
    route: "POST /api/deck",
    label: "adds A's lesson's cards: to B's deck",
    act: async () => {
      expect((await call("POST /api/deck", { lesson: LESSON })).status).toBe(200);
    },
  },
  {
    route: "POST /api/lessons/[id]/progress",
    label: "completes A's started lesson: B's own progress",
    act: async () => {
      const response = await call("POST /api/lessons/[id]/progress", { event: "completed" }, { id: LESSON });
      expect(response.status).toBe(200);
      await expectNothingOfA(response);
    },
  },
  {
    route: "GET /api/me",
    label: "names B and nothing of A",
    act: async (b) => {
      const response = await call("GET /api/me");
      expect(response.status).toBe(200);
      await expectNothingOfA(response);
      expect(await response.json()).toEqual({ learner: { id: b.id, name: b.name, email: b.email } });
    },
  },
  {
    route: "GET /api/lessons/[id]/state",
    label: "the lesson A answered, as B sees it: none of A's answers or progress",
    act: async () => {
      const response = await call("GET /api/lessons/[id]/state", undefined, { id: LESSON });
      expect(response.status).toBe(200);
      await expectNothingOfA(response);
      const body = (await response.json()) as { estimates: object; completed: boolean; questions: object };
      expect(body.estimates).toEqual({});
      expect(body.completed).toBe(false);
      expect(Object.values(body.questions).every((q: { previous: unknown }) => q.previous === null)).toBe(true);
    },
  },
  {
    route: "POST /api/progress/reset",
    label: "resets the module A has progress in: only B's",
    act: async () => {
      const response = await call("POST /api/progress/reset", { module: "estimation", confirm: true });
      expect(response.status).toBe(200);
    },
  },
  {
    route: "PUT /api/settings",
    label: "changes settings: B's",
    act: async () => {
      const response = await call("PUT /api/settings", { desiredRetention: 0.95, timeZone: "UTC" });
      expect(response.status).toBe(200);
      await expectNothingOfA(response);
    },
  },
  {
    route: "PUT /api/settings/fit",
    label: "switches to fitted parameters: B has none (409)",
    act: async () => {
      await expectRefusal(await call("PUT /api/settings/fit", { useFitted: true }), [409]);
      expect((await call("PUT /api/settings/fit", { useFitted: false })).status).toBe(200);
    },
  },
  {
    route: "POST /api/settings/fit",
    label: "fits parameters: to B's reviews, too few (422)",
    act: async () => {
      await expectRefusal(await call("POST /api/settings/fit"), [422]);
    },
  },
  {
    route: "GET /api/export",
    label: "exports: B's data only",
    act: async (b) => {
      const response = await call("GET /api/export");
      expect(response.status).toBe(200);
      const text = await expectNothingOfA(response);
      expect(text).toContain(b.email);
    },
  },
  {
    route: "GET /api/export/reviews.csv",
    label: "exports the review log: B's, empty",
    act: async () => {
      const response = await call("GET /api/export/reviews.csv");
      expect(response.status).toBe(200);
      const text = await expectNothingOfA(response);
      expect(text.trim().split("\n")).toHaveLength(1);
    },
  },
  {
    route: "POST /api/account/delete",
    label: "deletes the account confirmed with A's email (400), then with B's own (only B goes)",
    act: async (b) => {
      await expectRefusal(await call("POST /api/account/delete", { confirmEmail: a.user.email }), [400]);
      expect((await call("POST /api/account/delete", { confirmEmail: b.email })).status).toBe(200);
      expect(await testDb().user.count({ where: { id: b.id } })).toBe(0);
    },
  },
];

/** Routes that answer a visitor with 200 and nothing of anyone's: what to expect. */
const visitorReads: Record<string, unknown> = { "GET /api/me": { learner: null } };

/** Routes a visitor may use without an account: graded, nothing stored. */
const visitorRoutes: Record<string, (clientId: string) => unknown> = {
  "POST /api/attempts": (clientId) => ({ ...a.attempt, clientId }),
  "POST /api/questions": (clientId) => ({ ...a.answer, clientId }),
};

describe("learner isolation, route by route", () => {
  test("every route that reads the session is in the matrix; every other route is listed with why", () => {
    const routes = listRoutes();
    const inMatrix = new Set(matrix.map((row) => row.route));
    const missing = routes
      .filter((r) => r.readsSession)
      .flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`))
      .filter((key) => !inMatrix.has(key));
    expect(missing).toEqual([]);
    const unlisted = routes.filter((r) => !r.readsSession && !(r.pattern in noLearnerData)).map((r) => r.pattern);
    expect(unlisted).toEqual([]);
    expect([...inMatrix].sort()).toEqual(Object.keys(handlers).sort());
  });

  test.each(matrix)("B $route: $label; A's rows unchanged", async ({ act }) => {
    const b = await signInAsB();
    await act(b);
    session.user = null;
    expect(await learnerRows(a.user.id)).toEqual(a.rows);
  });

  test.each(matrix.map((row) => row.route).filter((route, i, all) => all.indexOf(route) === i))(
    "signed out, %s → 401 with a message (or a visitor's grade, stored nowhere)",
    async (route) => {
      session.user = null;
      const visitor = visitorRoutes[route];
      const clientId = randomUUID();
      const body = visitor?.(clientId) ?? (route.startsWith("GET") ? undefined : { clientId });
      const response = await call(route, body, { id: LESSON });
      if (route in visitorReads) {
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual(visitorReads[route]);
      } else if (visitor) {
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ stored: false });
        expect(await testDb().attempt.count({ where: { clientId } })).toBe(0);
        expect(await testDb().questionAnswer.count({ where: { clientId } })).toBe(0);
      } else {
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
      }
      expect(await learnerRows(a.user.id)).toEqual(a.rows);
    },
  );

  test("signing up with A's email changes nothing of A's account", async () => {
    session.user = null;
    const { POST } = await import("@/app/api/sign-up/route");
    const response = await POST(
      new Request("http://localhost/api/sign-up", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: a.user.email, password: "another password", name: "Mallory" }),
      }),
    );
    expect(response.status).toBe(201);
    await expectNothingOfA(response);
    expect(await learnerRows(a.user.id)).toEqual(a.rows);
  });
});
