import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Tests read rows to check what the data layer stored (a log row written once, nothing left after a delete). The app's
// own client stays inside lib/progress; this second one points at the same throwaway test database.

let client: PrismaClient | undefined;

/** A Prisma client on the suite's embedded PostgreSQL, for assertions about stored rows. */
export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: run the tests with vitest, whose global setup starts the test database");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client;
}

/** Close the test client (in afterAll, beside lib/progress's disconnectDb). */
export async function disconnectTestDb(): Promise<void> {
  const open = client;
  client = undefined;
  await open?.$disconnect();
}

/**
 * Every row of one learner, table by table, as sorted JSON text, their account row included: compare a snapshot taken
 * before with one taken after, and a changed column shows as well as a new or missing row.
 */
export async function learnerRows(userId: string): Promise<Record<string, string[]>> {
  const db = testDb();
  const text = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  const where = { where: { userId } };
  return {
    user: text(await db.user.findMany({ where: { id: userId } })),
    attempt: text(await db.attempt.findMany(where)),
    reviewLog: text(await db.reviewLog.findMany(where)),
    reviewCard: text(await db.reviewCard.findMany(where)),
    caseRun: text(await db.caseRun.findMany(where)),
    caseEntry: text(await db.caseEntry.findMany(where)),
    caseWrite: text(await db.caseWrite.findMany(where)),
    caseResult: text(await db.caseResult.findMany(where)),
    userSettings: text(await db.userSettings.findMany(where)),
    lessonProgress: text(await db.lessonProgress.findMany(where)),
    questionAnswer: text(await db.questionAnswer.findMany(where)),
  };
}
