import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { databaseOutage, markDatabaseDown, markDatabaseUp } from "@/lib/progress";
import { proxy } from "@/proxy";

// While the data layer has marked the database unreachable, page requests answer 503 with a short page at once (a
// page cannot set its own status); once the database's port answers again they render as usual.

let port = 0;

beforeAll(async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  // Before the proxy first reads the environment: a port where nothing listens yet.
  process.env.DATABASE_URL = `postgresql://envelope:x@127.0.0.1:${port}/envelope`;
});

afterAll(() => markDatabaseUp());

function page(path: string): NextRequest {
  return new NextRequest(`http://localhost${path}`, { headers: { accept: "text/html" } });
}

/** NextResponse.next() is marked with this header; a response of the proxy's own is not. */
const passesThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("pages during a database outage", () => {
  test("with no outage marked, a page renders as usual", async () => {
    markDatabaseUp();
    expect(passesThrough(await proxy(page("/today")))).toBe(true);
  });

  test("marked down and its port closed: 503 with a page that says so and Retry-After, quickly", async () => {
    markDatabaseDown("connection refused", new Date("2026-05-01T09:30:00Z"));
    const started = performance.now();
    const response = await proxy(page("/review"));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/cannot reach its database/);
    expect(html).toMatch(/since 09:30 UTC/);
  });

  test("once the database's port answers again, pages render again (the mark clears on the next query)", async () => {
    markDatabaseDown("connection refused", new Date());
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the one-second memory of the failed probe
      expect(passesThrough(await proxy(page("/learn")))).toBe(true);
      expect(databaseOutage()).not.toBeNull();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
