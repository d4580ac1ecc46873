import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createDb(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Envelope with `npm start` or `npm run dev`, which start the embedded PostgreSQL " +
        "and set it, or set DATABASE_URL to your own PostgreSQL.",
    );
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const globalForDb = globalThis as unknown as { envelopeDb?: PrismaClient };

/** The one Prisma client of the process, created on first use (so a build never needs a database). */
export function db(): PrismaClient {
  globalForDb.envelopeDb ??= createDb();
  return globalForDb.envelopeDb;
}

/** Close the client (tests and scripts); the next `db()` call opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.envelopeDb;
  globalForDb.envelopeDb = undefined;
  await client?.$disconnect();
}
