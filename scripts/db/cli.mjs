// `npm run db:migrate -- <name>`, `npm run db:deploy`, `npm run db:status`: migrations against DATABASE_URL, or against
// the embedded PostgreSQL in .data/pg when it is unset (started for the command and stopped after).
import path from "node:path";
import nextEnv from "@next/env";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { migrate } from "./migrate.mjs";

const [command = "deploy", name] = process.argv.slice(2);
nextEnv.loadEnvConfig(process.cwd(), true);

let url = process.env.DATABASE_URL;
let stop = async () => {};
try {
  if (!url) {
    const server = await startEmbeddedPostgres({
      dir: path.resolve(process.env.EMBEDDED_PG_DIR || ".data/pg"),
      port: Number(process.env.EMBEDDED_PG_PORT || 54329),
    });
    url = server.url;
    stop = server.stop;
  }
  await migrate(command, url, { name });
} catch (error) {
  console.error(`migrate ${command} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stop();
}
process.exit(process.exitCode ?? 0);
