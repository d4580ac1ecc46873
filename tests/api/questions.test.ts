import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import { disconnectDb } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { AUDIT, JUDGEMENT, installQuestionContent } from "../helpers/question-content";
import { makeUser } from "../helpers/users";

// The route handler as the browser calls it, with the session replaced: null is a visitor.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST } = await import("@/app/api/questions/route");

installQuestionContent();

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

function request(body: unknown, type = "application/json"): Request {
  return new Request("http://localhost/api/questions", {
    method: "POST",
    headers: { "Content-Type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const valid = () => ({ clientId: randomUUID(), questionId: JUDGEMENT.id, optionId: "shard", source: "lesson" });

describe("POST /api/questions", () => {
  test("a signed-in learner's answer is stored (201), its replay is 200, another body with that client id 409", async () => {
    session.user = await makeUser();
    const body = valid();
    const first = await POST(request(body));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      correct: false,
      answer: "cache",
      why: JUDGEMENT.why,
      duplicate: false,
      stored: true,
      optionId: "shard",
    });
    const again = await POST(request(body));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ correct: false, duplicate: true, stored: true });
    const clash = await POST(request({ ...body, optionId: "cache" }));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toEqual({
      error: "This client id was already used for a different answer. Send a new client id.",
    });
    expect(await testDb().questionAnswer.count({ where: { userId: session.user.id } })).toBe(1);
  });

  test("a visitor is graded (200, stored: false) and nothing is written", async () => {
    session.user = null;
    const before = await testDb().questionAnswer.count();
    const response = await POST(request({ ...valid(), questionId: AUDIT.id, optionId: "line-2" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ correct: true, answer: "line-2", stored: false, duplicate: false });
    expect(body.fix.prompt.id).toBe(AUDIT.id);
    expect(await testDb().questionAnswer.count()).toBe(before);
  });

  test.each([
    { label: "not JSON", body: "{clientId:", status: 400, error: "The request body is not valid JSON." },
    { label: "a JSON array", body: "[]", status: 400, error: "The request body is not what this endpoint expects." },
    {
      label: "a client id that is no UUID",
      body: { ...valid(), clientId: "abc" },
      status: 400,
      error: "The request body is not what this endpoint expects.",
      issue: ["clientId", "clientId must be a UUID made by the browser"],
    },
    {
      label: "an unknown source",
      body: { ...valid(), source: "case" },
      status: 400,
      error: "The request body is not what this endpoint expects.",
      issue: ["source", 'source must be "lesson" or "drill"'],
    },
    {
      label: "an extra field",
      body: { ...valid(), correct: true },
      status: 400,
      error: "The request body is not what this endpoint expects.",
    },
    { label: "a missing option", body: { ...valid(), optionId: undefined }, status: 400, error: /expects/ },
    {
      label: "an unknown question",
      body: { ...valid(), questionId: "judge-nope" },
      status: 404,
      error: 'There is no judgement question or audit "judge-nope".',
    },
    {
      label: "an option the question does not have",
      body: { ...valid(), optionId: "line-9" },
      status: 400,
      error: '"line-9" is not an option of "judge-test-cache"; pick one of cache, shard.',
    },
    {
      label: "form-encoded",
      body: "questionId=x",
      type: "application/x-www-form-urlencoded",
      status: 415,
      error: "Send the request body as JSON (Content-Type: application/json).",
    },
  ])("$label → $status with a message", async ({ body, type, status, error, issue }) => {
    session.user = await makeUser();
    const response = await POST(request(body, type));
    expect(response.status).toBe(status);
    const json = await response.json();
    expect(json.error).toMatch(error);
    if (issue) expect(json.issues).toMatchObject({ [String(issue[0])]: issue[1] });
    expect(await testDb().questionAnswer.count({ where: { userId: session.user.id } })).toBe(0);
  });
});
