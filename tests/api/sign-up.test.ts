import { afterAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/sign-up/route";
import { disconnectDb } from "@/lib/progress";
import { uniqueEmail } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

/** Each request from its own client address, so these tests stay under the per-address sign-up limit. */
let nextAddress = 1;
function request(body: string, type = "application/json"): Request {
  const headers = { "Content-Type": type, "X-Forwarded-For": `192.0.2.${nextAddress++}` };
  return new Request("http://localhost/api/sign-up", { method: "POST", headers, body });
}

describe("POST /api/sign-up", () => {
  test.each([
    {
      label: "not JSON",
      body: "{email:",
      type: "application/json",
      status: 400,
      error: "The request body is not valid JSON.",
    },
    {
      label: "form-encoded",
      body: "email=a@b.co",
      type: "application/x-www-form-urlencoded",
      status: 415,
      error: "Send the request body as JSON (Content-Type: application/json).",
    },
    {
      label: "a JSON array",
      body: "[]",
      type: "application/json",
      status: 400,
      error: "The request body is not what this endpoint expects.",
    },
    {
      label: "oversized",
      body: JSON.stringify({ email: "a".repeat(20_000) }),
      type: "application/json",
      status: 413,
      error: "The request body is larger than 8 KB.",
    },
    { label: "empty", body: "", type: "application/json", status: 400, error: "The request body is not valid JSON." },
  ])("$label → $status with a message", async ({ body, type, status, error }) => {
    const response = await POST(request(body, type));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
  });

  test.each([
    {
      label: "malformed email",
      input: { email: "not-an-email", password: "long enough" },
      field: "email",
      message: "That does not look like an email address (name@example.com).",
    },
    {
      label: "short password",
      input: { email: "ok@example.com", password: "short" },
      field: "password",
      message: "Use at least 8 characters for your password.",
    },
    { label: "missing password", input: { email: "ok@example.com" }, field: "password", message: "Choose a password." },
  ])("$label → 400 naming the field", async ({ input, field, message }) => {
    const response = await POST(request(JSON.stringify(input)));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues[field]).toBe(message);
  });

  test("a valid sign-up creates one account; the same email again gets the same answer and creates nothing", async () => {
    const email = uniqueEmail("signup");
    const first = await POST(request(JSON.stringify({ email, password: "long enough", name: "Ada" })));
    const second = await POST(request(JSON.stringify({ email: email.toUpperCase(), password: "other password" })));
    expect(second.status).toBe(first.status);
    expect(first.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await testDb().user.count({ where: { email } })).toBe(1);
    const row = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(row.name).toBe("Ada"); // the first account is untouched
  });

  test("sign-up does not reveal which emails have accounts: same status, same body, similar time", async () => {
    const taken = uniqueEmail("taken");
    await POST(request(JSON.stringify({ email: taken, password: "long enough" })));
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await POST(request(JSON.stringify({ email, password: "long enough" })));
      return { ms: performance.now() - started, status: response.status, body: await response.json() };
    };
    const fresh: Awaited<ReturnType<typeof timed>>[] = [];
    const again: Awaited<ReturnType<typeof timed>>[] = [];
    for (let round = 0; round < 4; round++) {
      fresh.push(await timed(uniqueEmail("fresh")));
      again.push(await timed(taken));
    }
    for (const [a, b] of fresh.map((f, i) => [f, again[i]!] as const)) {
      expect(b.status).toBe(a.status);
      expect(b.body).toEqual(a.body);
    }
    const median = (runs: { ms: number }[]) =>
      runs.map((r) => r.ms).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
    // Both hash the password (argon2id) and answer after the same floor, so an account that exists is not the fast path.
    expect(median(again) / median(fresh)).toBeGreaterThan(0.8);
    expect(median(again) / median(fresh)).toBeLessThan(1.25);
  });

  test("the response never carries the password hash", async () => {
    const response = await POST(request(JSON.stringify({ email: uniqueEmail(), password: "long enough" })));
    expect(JSON.stringify(await response.json())).not.toMatch(/argon2|passwordHash/);
  });
});
