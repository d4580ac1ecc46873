import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "./db";

export type DatabaseHealth =
  | { db: "ok"; migrations: "current" }
  | { db: "ok"; migrations: "pending"; pending: string[] }
  | { db: "down"; error: string };

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
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { db: "down", error: `The database cannot be reached or is not migrated: ${message}` };
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
