import { defineConfig } from "prisma/config";

// `prisma generate` and `prisma studio` read this file. Migrations run through scripts/db/migrate.mjs instead of the
// Prisma CLI (see README, "Database"), so a URL is only needed here for studio.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
