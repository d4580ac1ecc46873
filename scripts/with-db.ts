// The entry of `npm start` and `npm run dev`: makes sure there is a migrated database, then runs the given command
// (next start / next dev) with DATABASE_URL set. With no DATABASE_URL it starts the embedded PostgreSQL in .data/pg
// and creates the demo account; with DATABASE_URL it migrates that server and starts nothing.
//
//   tsx --conditions=react-server scripts/with-db.ts [--build-if-missing] <command...>
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { parseEnv, type Env } from "../lib/env.ts";
import { startEmbeddedPostgres } from "./db/embedded-postgres.mjs";
import { migrate } from "./db/migrate.mjs";

const args = process.argv.slice(2);
const buildIfMissing = args[0] === "--build-if-missing";
const command = buildIfMissing ? args.slice(1) : args;
if (command.length === 0) {
  console.error("usage: with-db [--build-if-missing] <command...>");
  process.exit(2);
}

nextEnv.loadEnvConfig(process.cwd(), command.includes("dev"));
let config: Env;
try {
  config = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const dataDir = path.resolve(".data");
fs.mkdirSync(dataDir, { recursive: true });

/** NEXTAUTH_SECRET, or a random one generated on first start into .data/ (never printed, never committed). */
function authSecret(): string {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(" ")} exited with ${code}`)),
    );
  });
}

let stopDb = async () => {};
let url = config.DATABASE_URL;
const embedded = !url;
try {
  if (!url) {
    const pgDir = path.resolve(config.EMBEDDED_PG_DIR ?? path.join(dataDir, "pg"));
    // Another checkout's database on the default port is no reason to stop: take a free one. A port the learner
    // chose is kept, and a clash with it is reported.
    const server = await startEmbeddedPostgres({
      dir: pgDir,
      port: config.EMBEDDED_PG_PORT,
      anyPort: !process.env.EMBEDDED_PG_PORT,
    });
    url = server.url;
    stopDb = server.stop;
    console.log(
      `[envelope] embedded PostgreSQL ready on port ${new URL(url).port} (data in ${path.relative(process.cwd(), server.dir) || server.dir})`,
    );
  } else {
    console.log(`[envelope] using the PostgreSQL at ${new URL(url).host} (DATABASE_URL)`);
  }
  await migrate("deploy", url, { log: (line: string) => console.log(`[envelope] ${line}`) });
} catch (error) {
  console.error(
    `[envelope] could not prepare the database:\n${error instanceof Error ? error.message : String(error)}`,
  );
  await stopDb();
  process.exit(1);
}

const bin = path.resolve("node_modules", ".bin");
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
  DATABASE_URL: url,
  NEXTAUTH_SECRET: authSecret(),
  ENVELOPE_DEMO_ACCOUNT: embedded ? "1" : "0",
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  // Without NEXTAUTH_URL, next-auth takes the site's address from the request (set NEXTAUTH_URL behind a proxy).
  ...(config.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }),
};

try {
  if (embedded) {
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], childEnv);
  }
  if (buildIfMissing && !fs.existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("[envelope] no production build yet: building it first (next build)");
    await run(path.join(bin, "next"), ["build"], childEnv);
  }
} catch (error) {
  console.error(`[envelope] ${error instanceof Error ? error.message : String(error)}`);
  await stopDb();
  process.exit(1);
}

const [cmd = "", ...cmdArgs] = command;
const child = spawn(cmd, cmdArgs, { stdio: "inherit", env: childEnv });
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}
child.on("error", async (error) => {
  console.error(`[envelope] could not run ${cmd}: ${error.message}`);
  await stopDb();
  process.exit(1);
});
child.on("exit", async (code, signal) => {
  await stopDb();
  process.exit(code ?? (signal && !stopping ? 1 : 0));
});
