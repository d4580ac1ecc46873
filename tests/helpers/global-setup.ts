import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.mjs";
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
  const dir = path.resolve(".data/test-pg");
  fs.rmSync(dir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dir,
    port: Number(process.env.TEST_PG_PORT ?? 54349),
    log: () => {},
  });
  await migrate("deploy", server.url, { log: () => {} });
  project.provide("databaseUrl", server.url);
  return async () => {
    await server.stop();
  };
}
