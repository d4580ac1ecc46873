import "server-only";
import fs from "node:fs";
import path from "node:path";
import {
  DatabaseUnavailableError,
  asDatabaseBusy,
  databaseOutage,
  db,
  errorReason,
  markDatabaseDown,
  markDatabaseUp,
} from "./db";

export type DatabaseHealth =
  | { db: "ok"; migrations: "current" }
  | { db: "ok"; migrations: "pending"; pending: string[] }
  | { db: "down"; error: string; since?: string };

/** How long a failed probe is trusted before the next request probes again (so an outage costs one probe a second). */
const PROBE_INTERVAL_MS = 1_000;

let lastProbe: { at: number; ok: boolean } | undefined;
let probing: Promise<boolean> | undefined;

/**
 * Does the database answer right now? One `SELECT 1` (bounded by the pool's connect timeout), shared by concurrent
 * callers, and a failure is trusted for a second: requests during an outage answer at once instead of each waiting.
 * An answer clears the outage mark, so the app recovers without a restart; a failure sets it.
 */
export async function probeDatabase(now = Date.now()): Promise<boolean> {
  if (lastProbe && !lastProbe.ok && now - lastProbe.at < PROBE_INTERVAL_MS) return false;
  probing ??= db().$queryRaw`SELECT 1`
    .then(
      () => {
        markDatabaseUp();
        return true;
      },
      (error: unknown) => {
        const mapped = asDatabaseBusy(error);
        if (mapped instanceof DatabaseUnavailableError) markDatabaseDown(mapped.reason, new Date(now));
        return false;
      },
    )
    .then((ok) => {
      lastProbe = { at: now, ok };
      probing = undefined;
      return ok;
    });
  return probing;
}

/** Is the database reachable, and has it applied every migration in prisma/migrations? */
export async function checkDatabaseHealth(
  migrationsDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
): Promise<DatabaseHealth> {
  let applied: Set<string>;
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((row) => row.migration_name));
  } catch (error) {
    const mapped = asDatabaseBusy(error);
    const reason = mapped instanceof DatabaseUnavailableError ? mapped.reason : errorReason(error);
    const since = databaseOutage()?.since;
    return {
      db: "down",
      error: `The database cannot be reached or is not migrated: ${reason || "it did not answer"}`,
      ...(since ? { since: since.toISOString() } : {}),
    };
  }
  const expected = fs.existsSync(/*turbopackIgnore: true*/ migrationsDir)
    ? fs
        .readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  const pending = expected.filter((name) => !applied.has(name)).sort();
  return pending.length ? { db: "ok", migrations: "pending", pending } : { db: "ok", migrations: "current" };
}
