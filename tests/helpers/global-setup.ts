import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.mjs";
import { migrate } from "../../scripts/db/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Runs once before the suite: every test sees UTC, and integration tests get a throwaway embedded PostgreSQL (its own
 * folder and port, never the development database), migrated with the committed migrations.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.TZ = "UTC";
  // One folder per run (two runs on one machine must not share a server), and leftovers of killed runs are removed.
  const parent = path.resolve(".data/test-pg");
  fs.mkdirSync(parent, { recursive: true });
  for (const name of fs.readdirSync(parent)) {
    if (!isRunning(Number(name))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const dir = path.join(parent, String(process.pid));
  const server = await startEmbeddedPostgres({
    dir,
    port: process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await freePort(),
    log: () => {},
  });
  await migrate("deploy", server.url, { log: () => {} });
  project.provide("databaseUrl", server.url);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
