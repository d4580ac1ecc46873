import { afterAll, describe, expect, test, vi } from "vitest";
import { WORKLOAD_RETENTIONS, addModuleCards, disconnectDb, type WorkloadTable } from "@/lib/progress";
import { makeUser } from "../helpers/users";

// GET /api/reviews/workload as the settings form calls it, against the real database, with the session replaced.
const session = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/reviews/workload/route");

afterAll(async () => {
  await disconnectDb();
});

describe("GET /api/reviews/workload", () => {
  test("signed out → 401 with a message", async () => {
    session.user = null;
    const response = await GET();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to see your review workload." });
  });

  test("signed in with an empty deck → 200 and zeros", async () => {
    session.user = await makeUser();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const table: WorkloadTable = await response.json();
    expect(table.rows.map((row) => row.desiredRetention)).toEqual([...WORKLOAD_RETENTIONS]);
    expect(table.rows.every((row) => row.horizon.reviewsPerDay === 0)).toBe(true);
  });

  test("signed in with cards → the learner's own table", async () => {
    const user = await makeUser();
    session.user = user;
    const added = await addModuleCards(user.id, "estimation", new Date());
    const table: WorkloadTable = await (await GET()).json();
    expect(table.newCards).toBe(added);
    expect(table.rows.every((row) => row.first30.reviewsPerDay > 0)).toBe(true);
  });
});
