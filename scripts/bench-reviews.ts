// npm run bench:reviews: seed learners with 200 cards and a year of reviews each, in growing stages (10k → 100k → 1M
// review rows), and print the due-queue query, the review page's data (the queue with card texts, fresh step variants
// and interval previews) and the dashboard times (p50 / p95) at each stage. Targets: due queue under
// 5 ms and dashboard under 50 ms at the 95th percentile, flat as the data grows. Uses its own embedded PostgreSQL in
// .data/bench-pg (deleted first), never your development database.
//   --learners 1000   final number of learners (default 1000; stages at 1 %, 10 % and 100 %)
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startEmbeddedPostgres } from "./db/embedded-postgres.mjs";
import { migrate } from "./db/migrate.mjs";

const argLearners = process.argv.indexOf("--learners");
const LEARNERS = argLearners > 0 ? Number(process.argv[argLearners + 1]) : 1000;
const CARDS_PER_LEARNER = 200;
const REVIEWS_PER_CARD = 5;
const SAMPLES = 200;

const dir = path.resolve(".data/bench-pg");
fs.rmSync(dir, { recursive: true, force: true });
const server = await startEmbeddedPostgres({ dir, port: 54_379, log: () => {} });
await migrate("deploy", server.url, { log: () => {} });
process.env.DATABASE_URL = server.url;

const { disconnectDb, getDashboard, listDueCardIds, listDueReviews } = await import("@/lib/progress");
// The bench writes its fixtures in bulk SQL with a client of its own; what it measures goes through lib/progress.
const fixtures = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
const { listCards } = await import("@/lib/content");

const cardIds = [...listCards().keys()];
const ids = Array.from(
  { length: CARDS_PER_LEARNER },
  (_, i) => cardIds[i % cardIds.length] + (i >= cardIds.length ? `-copy-${i}` : ""),
);
const now = new Date("2026-11-23T12:00:00Z");

/** Add learners [from, to) with their cards and a year of reviews, all in SQL. */
async function seed(from: number, to: number) {
  await fixtures.$executeRaw`
    INSERT INTO "User" (id, email, "createdAt")
    SELECT md5('learner-' || n)::uuid, 'learner-' || n || '@bench.example', ${now}::timestamptz - interval '400 days'
    FROM generate_series(${from}::int, ${to - 1}::int) AS n`;
  await fixtures.$executeRaw`
    INSERT INTO "ReviewCard" ("userId", "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "createdAt")
    SELECT md5('learner-' || n)::uuid, c.id, 'fact',
           ${now}::timestamptz + ((hashtext(n || c.id) % 40) - 8) * interval '1 day',
           10, 5, 10, 0, ${REVIEWS_PER_CARD}, 0, 'review', ${now}::timestamptz - interval '3 days', ${now}::timestamptz - interval '365 days'
    FROM generate_series(${from}::int, ${to - 1}::int) AS n, unnest(${ids}::text[]) AS c(id)`;
  await fixtures.$executeRaw`
    INSERT INTO "ReviewLog" ("userId", "clientId", "cardId", kind, rating, before, after, "reviewedAt", "durationMs")
    SELECT md5('learner-' || n)::uuid, md5(n || c.id || r)::uuid, c.id, 'rating', 1 + abs(hashtext(c.id || r)) % 4,
           jsonb_build_object('due', to_char(t - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'state', 'review'),
           jsonb_build_object('due', to_char(t + interval '10 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'state', 'review'),
           t, 3000
    FROM generate_series(${from}::int, ${to - 1}::int) AS n, unnest(${ids}::text[]) AS c(id),
         generate_series(1, ${REVIEWS_PER_CARD}) AS r,
         LATERAL (SELECT ${now}::timestamptz - ((r * 70 + abs(hashtext(n || c.id)) % 60) * interval '1 day') AS t) AS times`;
  await fixtures.$executeRaw`ANALYZE`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(
  run: (userId: string) => Promise<unknown>,
  learners: number,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const n = (i * 7919) % learners;
    const [{ id } = { id: "" }] = await fixtures.$queryRaw<
      { id: string }[]
    >`SELECT md5('learner-' || ${n}::int)::uuid::text AS id`;
    const start = performance.now();
    await run(id);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

console.log(
  `bench:reviews: ${CARDS_PER_LEARNER} cards and ${REVIEWS_PER_CARD} reviews per card per learner; ${SAMPLES} samples per figure`,
);
console.log("learners  review rows   due queue p50 / p95    review page data p50 / p95    dashboard p50 / p95");
let seeded = 0;
for (const stage of [Math.ceil(LEARNERS / 100), Math.ceil(LEARNERS / 10), LEARNERS]) {
  await seed(seeded, stage);
  seeded = stage;
  const rows = Number((await fixtures.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ReviewLog"`)[0]?.n ?? 0);
  // Warm up the connection pool and the plans.
  await time((id) => listDueReviews(id, now, 50), stage);
  const due = await time((id) => listDueCardIds(id, now, 50), stage);
  const page = await time((id) => listDueReviews(id, now, 50), stage);
  const dashboard = await time((id) => getDashboard(id, now), stage);
  const pair = (t: { p50: number; p95: number }) =>
    `${t.p50.toFixed(1).padStart(6)} / ${t.p95.toFixed(1).padStart(6)} ms`;
  console.log(
    `${String(stage).padStart(8)}  ${rows.toLocaleString("en").padStart(11)}   ${pair(due)}    ${pair(page)}           ${pair(dashboard)}`,
  );
}

await disconnectDb();
await fixtures.$disconnect();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });
