import fs from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { disconnectTestDb, testDb } from "../helpers/db";

// The test database is migrated by the committed migrations (global setup), so its catalogue is what production gets.
// A learner table (one with a "userId" column) keys every row by its learner, and a row of one learner can only point
// at rows of the same learner: every foreign key between learner tables carries "userId" on both sides.

/** Tables without a "userId" column, each with why it needs none. Any other such table fails the suite. */
const EXEMPT: Record<string, string> = {
  User: "the learner itself: its id is what every learner table's userId references",
  FailedSignIn:
    "failed password sign-ins by email, kept 15 minutes; it belongs to no account (the email may have none)",
  SignUpAttempt:
    "sign-ups by client address, kept an hour to limit accounts per address; made before any account exists",
  _prisma_migrations: "Prisma's record of applied migrations",
};

type Catalogue = {
  tables: string[];
  columns: Map<string, string[]>;
  primaryKeys: Map<string, string[]>;
  foreignKeys: {
    name: string;
    table: string;
    columns: string[];
    target: string;
    targetColumns: string[];
    onDelete: string;
  }[];
};

/** Tables, columns, primary keys and foreign keys of one schema, from pg_catalog. */
async function readCatalogue(schema: string): Promise<Catalogue> {
  const db = testDb();
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT c.relname AS "table", a.attname AS "column"
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`;
  const keys = await db.$queryRaw<{ table: string; columns: string[] }[]>`
    SELECT c.relname AS "table",
           array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k)
             AS "columns"
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND i.indisprimary`;
  const foreign = await db.$queryRaw<
    { name: string; table: string; columns: string[]; target: string; targetColumns: string[]; onDelete: string }[]
  >`
    SELECT con.conname AS "name", c.relname AS "table", t.relname AS "target",
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS "columns",
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS "targetColumns",
           con.confdeltype::text AS "onDelete"
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class t ON t.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND con.contype = 'f'`;
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return {
    tables: [...byTable.keys()].sort(),
    columns: byTable,
    primaryKeys: new Map(keys.map((k) => [k.table, k.columns])),
    foreignKeys: foreign,
  };
}

/** Every way the catalogue breaks the rules above, one sentence each (empty when it keeps them). */
function violations(catalogue: Catalogue, exempt: Record<string, string>): string[] {
  const problems: string[] = [];
  const learner = new Set(catalogue.tables.filter((t) => catalogue.columns.get(t)?.includes("userId")));
  for (const table of catalogue.tables) {
    if (!learner.has(table) && !(table in exempt)) {
      problems.push(`${table} has no "userId" column and is not listed as exempt (say why it belongs to no learner)`);
    }
  }
  for (const table of learner) {
    const key = catalogue.primaryKeys.get(table);
    if (!key) problems.push(`${table} has no primary key`);
    else if (!key.includes("userId")) problems.push(`${table}'s primary key (${key.join(", ")}) lacks "userId"`);
    const owner = catalogue.foreignKeys.find(
      (fk) =>
        fk.table === table &&
        fk.target === "User" &&
        fk.columns.join() === "userId" &&
        fk.targetColumns.join() === "id",
    );
    if (!owner) problems.push(`${table}."userId" has no foreign key to "User"(id)`);
    else if (owner.onDelete !== "c") problems.push(`${table}'s foreign key to "User" does not cascade on delete`);
  }
  for (const fk of catalogue.foreignKeys) {
    if (!learner.has(fk.table) || !learner.has(fk.target)) continue;
    const at = fk.columns.indexOf("userId");
    if (at === -1 || fk.targetColumns[at] !== "userId") {
      problems.push(
        `${fk.name}: ${fk.table}(${fk.columns.join(", ")}) → ${fk.target}(${fk.targetColumns.join(", ")}) ` +
          `does not match "userId" to "userId", so a row could point at another learner's`,
      );
    }
  }
  return problems;
}

afterAll(async () => {
  await testDb().$executeRawUnsafe(`DROP SCHEMA IF EXISTS catalogue_probe CASCADE`);
  await disconnectTestDb();
});

describe("the migrated schema keeps each learner's rows to that learner", () => {
  test("every learner table has userId in its primary key, cascades from User, and links only within a learner", async () => {
    const catalogue = await readCatalogue("public");
    const learnerTables = catalogue.tables.filter((t) => catalogue.columns.get(t)?.includes("userId"));
    // The tables this was written against; a new one is checked by the same rules without being listed here.
    expect(learnerTables).toEqual(
      expect.arrayContaining([
        "Attempt",
        "CaseEntry",
        "CaseResult",
        "CaseRun",
        "CaseWrite",
        "LessonProgress",
        "QuestionAnswer",
        "ReviewCard",
        "ReviewLog",
        "UserSettings",
      ]),
    );
    expect(violations(catalogue, EXEMPT)).toEqual([]);
  });

  test("every exemption names a table that exists and has no userId", async () => {
    const catalogue = await readCatalogue("public");
    for (const table of Object.keys(EXEMPT)) {
      expect(catalogue.tables).toContain(table);
      expect(catalogue.columns.get(table)).not.toContain("userId");
    }
  });

  test("the check finds a learner table keyed without userId, and a link to another learner's row", async () => {
    const db = testDb();
    await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS catalogue_probe CASCADE`);
    await db.$executeRawUnsafe(`CREATE SCHEMA catalogue_probe`);
    await db.$executeRawUnsafe(`CREATE TABLE catalogue_probe."User" (id uuid PRIMARY KEY)`);
    await db.$executeRawUnsafe(
      `CREATE TABLE catalogue_probe."Note" ("userId" uuid NOT NULL REFERENCES catalogue_probe."User"(id) ON DELETE CASCADE,
        id text, PRIMARY KEY ("userId", id))`,
    );
    await db.$executeRawUnsafe(
      `CREATE TABLE catalogue_probe."Loose" ("userId" uuid NOT NULL REFERENCES catalogue_probe."User"(id),
        id text PRIMARY KEY, "noteUserId" uuid, "noteId" text,
        CONSTRAINT "Loose_note_fkey" FOREIGN KEY ("noteUserId", "noteId") REFERENCES catalogue_probe."Note"("userId", id))`,
    );
    await db.$executeRawUnsafe(`CREATE TABLE catalogue_probe."Orphan" (id text PRIMARY KEY)`);
    const problems = violations(await readCatalogue("catalogue_probe"), { User: "the learner" });
    expect(problems).toEqual([
      'Orphan has no "userId" column and is not listed as exempt (say why it belongs to no learner)',
      `Loose's primary key (id) lacks "userId"`,
      `Loose's foreign key to "User" does not cascade on delete`,
      'Loose_note_fkey: Loose(noteUserId, noteId) → Note(userId, id) does not match "userId" to "userId", so a row could point at another learner\'s',
    ]);
  });

  test("prisma/schema.prisma agrees: every model with a userId field keys on it", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
    expect(models.length).toBeGreaterThan(5);
    const unkeyed = models
      .filter(([, , body]) => /^\s+userId\s/m.test(body ?? ""))
      .filter(([, , body]) => !/^\s+userId\s.*@id\b/m.test(body ?? "") && !/@@id\(\[[^\]]*\buserId\b/.test(body ?? ""))
      .map(([, name]) => name);
    expect(unkeyed).toEqual([]);
  });
});
