import pg from "pg";
import { urlFor } from "../../scripts/db/embedded-postgres.mjs";

/**
 * Move one learner's clock: every timestamp and date the database holds for them (their account, answers, cards,
 * reviews, runs, settings and the interview day) moved back by `days`, so the server, whose clock is real, sees the
 * learner `days` later. Found from the catalogue, so a new learner table is moved too. The e2e server's database is
 * the embedded one on E2E_PG_PORT (playwright.config.ts).
 */
export async function moveLearnerClock(email: string, days: number): Promise<void> {
  await withLearner(email, async (client, userId) => {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.data_type IN ('timestamp with time zone', 'date')
         AND (c.table_name = 'User' OR EXISTS (SELECT 1 FROM information_schema.columns u
              WHERE u.table_schema = 'public' AND u.table_name = c.table_name AND u.column_name = 'userId'))`,
    );
    for (const { table_name: table, column_name: column } of columns) {
      const owner = table === "User" ? "id" : "userId";
      await client.query(
        `UPDATE "${table}" SET "${column}" = "${column}" - make_interval(days => $2) WHERE "${owner}" = $1::uuid`,
        [userId, days],
      );
    }
  });
}

/**
 * A learner back from a break: their flashcards as if learned long ago and not reviewed since, card i due `i + 1`
 * days ago on a 10-day interval.
 */
export async function makeBacklog(email: string): Promise<void> {
  await withLearner(email, async (client, userId) => {
    await client.query(
      `UPDATE "ReviewCard" c SET state = 'review', stability = 10, difficulty = 5, "scheduledDays" = 10, reps = 3, "learningSteps" = 0,
         due = now() - make_interval(days => n.i), "lastReview" = now() - make_interval(days => n.i + 10)
       FROM (SELECT "cardId", row_number() OVER (ORDER BY "cardId")::int AS i FROM "ReviewCard"
             WHERE "userId" = $1::uuid AND kind = 'fact') n
       WHERE c."userId" = $1::uuid AND c."cardId" = n."cardId"`,
      [userId],
    );
  });
}

/**
 * A learner whose cards are all learned and not due for a month, except the one with the lowest id, which comes
 * due `inMs` from now.
 */
export async function oneCardDueIn(email: string, inMs: number): Promise<void> {
  await withLearner(email, async (client, userId) => {
    await client.query(
      `UPDATE "ReviewCard" SET state = 'review', stability = 10, difficulty = 5, "scheduledDays" = 10, reps = 3,
         "learningSteps" = 0, due = now() + interval '30 days', "lastReview" = now() - interval '10 days'
       WHERE "userId" = $1::uuid`,
      [userId],
    );
    await client.query(
      `UPDATE "ReviewCard" SET due = now() + make_interval(secs => $2 / 1000.0)
       WHERE "userId" = $1::uuid AND "cardId" = (SELECT min("cardId") FROM "ReviewCard" WHERE "userId" = $1::uuid)`,
      [userId, inMs],
    );
  });
}

/** Run `work` in one transaction on the e2e server's database, with the id of the learner signed up as `email`. */
async function withLearner(email: string, work: (client: pg.Client, userId: string) => Promise<void>) {
  const client = new pg.Client({ connectionString: urlFor(Number(process.env.E2E_PG_PORT ?? 54339)) });
  await client.connect();
  try {
    const { rows: users } = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
    const userId = users[0]?.id;
    if (!userId) throw new Error(`no learner ${email}`);
    await client.query("BEGIN");
    await work(client, userId);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
