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
