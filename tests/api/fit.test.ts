import { afterAll, describe, expect, test, vi } from "vitest";
import { disconnectDb } from "@/lib/progress";
import { disconnectTestDb, testDb } from "../helpers/db";
import { makeUser } from "../helpers/users";

// POST and PUT /api/settings/fit as the browser calls them, against the real database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { POST: fit, PUT: choose } = await import("@/app/api/settings/fit/route");

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

function request(method: "POST" | "PUT", body?: string): Request {
  return new Request("http://localhost/api/settings/fit", {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
}

describe("/api/settings/fit", () => {
  test("signed out: 401 for both", async () => {
    session.user = null;
    expect((await fit(request("POST"))).status).toBe(401);
    expect((await choose(request("PUT", JSON.stringify({ useFitted: false })))).status).toBe(401);
  });

  test("a fit with too few reviews is 422 with the count", async () => {
    session.user = await makeUser("fit-api");
    const response = await fit(request("POST"));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "You have 0 flashcard reviews; fitting needs at least 400, so 400 more.",
    });
  });

  test.each([
    { label: "not JSON", body: "{", status: 400 },
    { label: "a string for useFitted", body: JSON.stringify({ useFitted: "yes" }), status: 400 },
    { label: "an extra key", body: JSON.stringify({ useFitted: false, weights: [1] }), status: 400 },
    { label: "fitted parameters that do not exist", body: JSON.stringify({ useFitted: true }), status: 409 },
  ])("PUT with $label → $status, nothing stored", async ({ body, status }) => {
    const user = await makeUser("fit-api");
    session.user = user;
    const response = await choose(request("PUT", body));
    expect(response.status).toBe(status);
    expect(await response.json()).toHaveProperty("error", expect.any(String));
    expect(await testDb().userSettings.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  test("PUT useFitted false → 200 with the status", async () => {
    session.user = await makeUser("fit-api");
    const response = await choose(request("PUT", JSON.stringify({ useFitted: false })));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: { useFitted: false, hasFitted: false, needed: 400 } });
  });
});
