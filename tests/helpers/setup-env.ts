import { inject } from "vitest";

// Point the data layer at the suite's own embedded PostgreSQL before any test touches it. Refuse anything but a local
// server, so a stray DATABASE_URL can never send test writes to a real database.
const url = inject("databaseUrl");
const host = new URL(url).hostname;
if (host !== "127.0.0.1" && host !== "localhost")
  throw new Error(`Tests only run against a local database, not ${host}`);
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret";
