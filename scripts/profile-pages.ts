// Profile the data work of the signed-in pages without a browser or a session: one learner with a realistic history
// (a full deck, a month of reviews and drills, an interview date) on a throwaway embedded PostgreSQL, and for each page
// the lib/progress calls it makes, timed (median and p95 of --runs requests, one after another, and the median CPU time
// this process spent on one) with the SQL statements of one request counted at the pg driver. A second learner is the `npm run bench` learner: every published
// card due, no history.
//   node --conditions=react-server --import tsx scripts/profile-pages.ts [--runs 30] [--page review]
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "./db/embedded-postgres.mjs";
import { migrate } from "./db/migrate.mjs";

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(option("runs") ?? 30);
const ONLY = option("page");
const CPU = process.argv.includes("--cpu");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "envelope-profile-"));
const server = await startEmbeddedPostgres({ dir, port: await freePort(), log: () => {} });
await migrate("deploy", server.url, { log: () => {} });
process.env.DATABASE_URL = server.url;

// Every statement the pool sends goes through Client#query: count them there.
let statements = 0;
const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const sendQuery = clientProto.query;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  return sendQuery.apply(this, args);
};

const progress = await import("@/lib/progress");
const content = await import("@/lib/content");
const engine = await import("@/lib/engine");
const { addDays, dayKey } = await import("@/lib/srs");

const now = new Date("2026-12-03T15:00:00Z");
const DAY_MS = 86_400_000;

/** A learner who has worked for a month: lessons completed, every module's cards added, reviews and drills each day. */
async function seedHistory(): Promise<string> {
  const created = await progress.createUser({ email: `history-${randomUUID().slice(0, 8)}@example.com` });
  if (!created.ok) throw new Error("could not create the profiled learner");
  const userId = created.user.id;
  const start = new Date(now.getTime() - 30 * DAY_MS);
  await progress.updateSettings(
    userId,
    { interviewDay: addDays(dayKey(now, "UTC", 4), 21), minutesPerDay: 60, onboarded: true, newCardsPerDay: 20 },
    start,
  );
  const lessons = content.listLessons();
  for (const moduleId of content.MODULE_IDS) await progress.addModuleCards(userId, moduleId, start);
  const drills = content.listDrills().filter((drill) => !drill.calibration);
  let seed = 1;
  for (let day = 0; day < 30; day++) {
    const at = new Date(start.getTime() + day * DAY_MS + 9 * 3_600_000);
    const lesson = lessons[day];
    if (lesson && day % 2 === 0) await progress.markLessonCompleted(userId, lesson.id, at);
    // Eight drill runs a day, half of them right.
    for (let run = 0; run < 8; run++) {
      const drill = drills[(day * 8 + run) % drills.length];
      if (!drill) continue;
      const s = seed++;
      const built = engine.buildExercise(drill.exercise, s);
      const answers = Object.fromEntries(
        built.steps.map((step) => [
          step.id,
          run % 2 === 0 ? engine.formatQuantity(step.expected, { unit: step.unit }) : "1",
        ]),
      );
      await progress.recordAttempt(
        userId,
        {
          clientId: randomUUID(),
          exerciseId: drill.id,
          seed: s,
          token: progress.serveVariant(drill.id, s)?.token ?? "",
          source: "drill",
          answers,
          elapsedMs: 60_000 + run * 10_000,
        },
        new Date(at.getTime() + run * 300_000),
      );
    }
    // Then up to 25 due cards rated, most of them Good.
    const reviewAt = new Date(at.getTime() + 3 * 3_600_000);
    const due = await progress.listDueCardIds(userId, reviewAt, 25);
    for (const [index, cardId] of due.entries()) {
      const when = new Date(reviewAt.getTime() + index * 20_000);
      if (cardId.startsWith("step:")) {
        const variant = progress.serveStepVariant(cardId, seed);
        await progress.reviewCard(
          userId,
          { clientId: randomUUID(), cardId, answer: "1", seed, token: variant?.token ?? "", durationMs: 30_000 },
          when,
        );
        seed++;
      } else {
        await progress.reviewCard(
          userId,
          { clientId: randomUUID(), cardId, rating: index % 7 === 0 ? 1 : 3, durationMs: 6_000 },
          when,
        );
      }
    }
  }
  return userId;
}

/** The `npm run bench` learner: every published card in the deck, due a day ago, in review. */
async function seedBenchLearner(): Promise<string> {
  const created = await progress.createUser({ email: `bench-${randomUUID().slice(0, 8)}@example.com` });
  if (!created.ok) throw new Error("could not create the bench learner");
  const userId = created.user.id;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    `INSERT INTO "ReviewCard" ("userId", "cardId", kind, due, stability, difficulty, "scheduledDays", "learningSteps",
       reps, lapses, state, "lastReview")
     SELECT $1::uuid, c.id, 'fact', $2::timestamptz - interval '1 day', 10, 5, 10, 0, 3, 0, 'review', $2::timestamptz - interval '11 days'
     FROM unnest($3::text[]) AS c(id)`,
    [userId, now, progress.listPublishedCards().map((card) => card.id)],
  );
  await client.end();
  return userId;
}

/** Each page's data work, as its page.tsx does it (the session check left out: every page and the floor share it). */
const pages: Record<string, (userId: string) => Promise<unknown>> = {
  floor: (userId) => progress.getSettings(userId),
  review: async (userId) => {
    const page = await progress.getReviewPage(userId, now, 50);
    const cards = progress.listPublishedCards();
    return [page, content.MODULE_IDS.filter((id) => cards.some((card) => card.module === id))];
  },
  today: (userId) => progress.getTodayPage(userId, now),
  progress: async (userId) => {
    const { dashboard: data, weakest, caseResults, readiness } = await progress.getProgressPage(userId, now);
    const links = weakest.map((skill) => content.drillForSkill(skill.skill, skill.lessonIds));
    return [data, caseResults, readiness, links, content.listCaseEntries(), content.listLessons()];
  },
  learn: async (userId) => {
    const lessons = content.listLessons();
    const rows = await progress.listLessonProgress(userId);
    return [lessons, rows, content.listCurriculum(), content.listCaseEntries()];
  },
  practice: async (userId) => {
    const drills = content.listDrills();
    const result = await Promise.all([
      progress.listExerciseStats(
        userId,
        drills.map((drill) => drill.id),
      ),
      progress.getCalibrationSummary(userId),
    ]);
    return [result, content.listLessons(), content.listAudits(), content.listDrillCatalogue()];
  },
};

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};

/** The functions that took the most time in `run` (self, and with what they call), from V8's sampling profiler. */
async function cpuProfile(run: () => Promise<unknown>) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  for (let i = 0; i < RUNS; i++) await run();
  const { profile } = (await session.post("Profiler.stop")) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[] };
  };
  session.disconnect();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/work\/main\//, "")}:${node.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const walk = (node: ProfileNode, onStack: Set<string>): number => {
    let hits = node.hitCount ?? 0;
    self.set(name(node), (self.get(name(node)) ?? 0) + hits);
    const key = name(node);
    const seen = onStack.has(key);
    onStack.add(key);
    for (const child of node.children ?? []) {
      const childNode = byId.get(child);
      if (childNode) hits += walk(childNode, onStack);
    }
    if (!seen) {
      onStack.delete(key);
      total.set(key, (total.get(key) ?? 0) + hits);
    }
    return hits;
  };
  const root = profile.nodes[0];
  const all = root ? walk(root, new Set()) : 0;
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([key, hits]) => `  ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${key}`)
      .join("\n");
  console.log(`  self:\n${top(self)}\n  total:\n${top(total)}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function profile(label: string, userId: string) {
  console.log(`\n${label}`);
  // Wall time depends on what else the machine runs; the process's own CPU time per request much less.
  console.log("page        statements   p50 ms   p95 ms   cpu ms");
  for (const [name, run] of Object.entries(pages)) {
    if (ONLY && name !== ONLY && name !== "floor") continue;
    await run(userId); // warm: plans, content caches, the pool
    statements = 0;
    await run(userId);
    const counted = statements;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const begin = performance.now();
      const cpuBegin = process.cpuUsage();
      await run(userId);
      const used = process.cpuUsage(cpuBegin);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - begin);
    }
    const ms = (value: number) => value.toFixed(1).padStart(9);
    console.log(
      `${name.padEnd(12)}${String(counted).padStart(10)}${ms(percentile(times, 50))}${ms(percentile(times, 95))}${ms(percentile(cpu, 50))}`,
    );
    if (CPU && name !== "floor") await cpuProfile(() => run(userId));
  }
}

try {
  const seedStart = performance.now();
  const history = await seedHistory();
  const bench = await seedBenchLearner();
  const counts = await Promise.all([
    progress.listDeck(history),
    progress.getDashboard(history, now),
    progress.listExerciseStats(
      history,
      content.listDrills().map((drill) => drill.id),
    ),
  ]);
  console.log(
    `seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: history learner with ${counts[0].length} cards, ` +
      `${counts[1].reviewsTotal} reviews, ${counts[2].reduce((sum, stat) => sum + stat.attempts, 0)} drill runs`,
  );
  await profile("history learner (a month of work, interview in 3 weeks)", history);
  await profile("bench learner (every published card due, no history)", bench);
} finally {
  await progress.disconnectDb();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
