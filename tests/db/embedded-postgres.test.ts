import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.mjs";

const dir = path.resolve(".data/test-pg-lock");
const port = 54_359;

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  return rows[0]?.one ?? 0;
}

describe("the embedded PostgreSQL launcher", () => {
  test(
    "recovers from a lock file left by a killed server, and adopts a server that is still running",
    { timeout: 60_000 },
    async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      const first = await startEmbeddedPostgres({ dir, port, log: () => {} });
      expect(await selectOne(first.url)).toBe(1);
      await first.stop();

      // A killed server leaves postmaster.pid behind; write one that names a process that no longer exists.
      const pidFile = path.join(first.dir, "postmaster.pid");
      fs.writeFileSync(pidFile, `999999\n${first.dir}\n0\n${port}\n\n127.0.0.1\n`);
      const logs: string[] = [];
      const second = await startEmbeddedPostgres({ dir, port, log: (line) => logs.push(line) });
      expect(logs.some((line) => line.includes("removing a stale lock"))).toBe(true);
      expect(await selectOne(second.url)).toBe(1);

      // Starting again while it runs (as after a parent was SIGKILLed) adopts the live server instead of failing.
      const adopted = await startEmbeddedPostgres({ dir, port: port + 1, log: (line) => logs.push(line) });
      expect(adopted.url).toContain(`:${port}/`);
      expect(logs.some((line) => line.includes("reusing the server already running"))).toBe(true);
      expect(await selectOne(adopted.url)).toBe(1);
      await adopted.stop();
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  test(
    "takes a free port, and says which, when another server holds the one asked for",
    { timeout: 60_000 },
    async () => {
      const busyDir = path.resolve(".data/test-pg-port");
      fs.rmSync(busyDir, { recursive: true, force: true });
      const squatter = net.createServer();
      await new Promise<void>((resolve) => squatter.listen(port + 5, "127.0.0.1", resolve));
      const logs: string[] = [];
      try {
        await expect(startEmbeddedPostgres({ dir: busyDir, port: port + 5, log: () => {} })).rejects.toThrow(
          /Port 54364 is taken: set EMBEDDED_PG_PORT to a free port/,
        );
        const server = await startEmbeddedPostgres({
          dir: busyDir,
          port: port + 5,
          anyPort: true,
          log: (line) => logs.push(line),
        });
        const chosen = Number(new URL(server.url).port);
        expect(chosen).not.toBe(port + 5);
        expect(logs).toContain(
          `port ${port + 5} is taken by another server; using port ${chosen} (set EMBEDDED_PG_PORT to choose one)`,
        );
        expect(await selectOne(server.url)).toBe(1);
        await server.stop();
      } finally {
        squatter.close();
        fs.rmSync(busyDir, { recursive: true, force: true });
      }
    },
  );
});
