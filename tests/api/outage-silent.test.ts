import net from "node:net";
import type * as NextAuthModule from "next-auth";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { CONNECT_TIMEOUT_MS, disconnectDb } from "@/lib/progress";

// A database host that accepts the connection and then says nothing (a hung server, a half-open network path): the
// pool's connect timeout ends the wait, so a request answers 503 with a message instead of hanging.

const session = vi.hoisted(() => ({ userId: "silent-learner" }));
vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof NextAuthModule>();
  return { ...original, getServerSession: async () => ({ user: { id: session.userId } }) };
});

const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => {
  sockets.add(socket); // accepted, never answered
  socket.on("close", () => sockets.delete(socket));
  socket.on("error", () => {});
});

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  const port = typeof address === "object" && address ? address.port : 0;
  // Before the data layer first reads the environment: this file's app talks to the silent server only.
  process.env.DATABASE_URL = `postgresql://envelope:silent@127.0.0.1:${port}/envelope`;
  await disconnectDb();
});

afterAll(async () => {
  await disconnectDb();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("a database that accepts connections and never answers", () => {
  test("a learner's request answers 503 with a message after the connect timeout, well within 5 s", async () => {
    const { GET } = await import("@/app/api/export/route");
    const started = performance.now();
    const response = await GET();
    const ms = performance.now() - started;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/database cannot be reached/) });
    expect(ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(5_000);
  });

  test("/api/health says the database is down with a reason, within 5 s", async () => {
    const { GET } = await import("@/app/api/health/route");
    const started = performance.now();
    const response = await GET();
    const ms = performance.now() - started;
    expect(response.status).toBe(503);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ db: "down", error: expect.stringMatching(/cannot be reached.*: .*time/i) });
    expect(ms).toBeLessThan(5_000);
  });
});
