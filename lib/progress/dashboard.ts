import "server-only";
import { z } from "zod";
import { summariseCalibration, type CalibrationSummary } from "@/lib/engine";
import { MODULES, MODULE_IDS, type ModuleId } from "@/lib/content";
import {
  accuracyByWeek,
  addDays,
  currentStreak,
  dayKey,
  dueForecast,
  reviewHeatmap,
  speedByWeek,
  type DayCount,
  type WeekAccuracy,
  type WeekSpeed,
} from "@/lib/srs";
import { course } from "./course";
import { db } from "./db";
import { getReviewSummary } from "./review-queue";
import { getSettings } from "./settings";

export type ModuleProgress = { module: ModuleId; title: string; done: number; total: number };

export type Dashboard = {
  today: string;
  modules: ModuleProgress[];
  heatmap: DayCount[];
  streak: number;
  reviewsTotal: number;
  forecast: DayCount[];
  accuracy: WeekAccuracy[];
  speed: WeekSpeed[];
  calibration: CalibrationSummary;
  deckSize: number;
};

const dueSchema = z.object({ due: z.coerce.date() });

/** Everything the progress page draws, for one learner at `now`, as plain series. */
export async function getDashboard(userId: string, now: Date): Promise<Dashboard> {
  const settings = await getSettings(userId);
  const options = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = dayKey(now, options.timeZone, options.dayStartHour);
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000);

  const [progress, reviews, cards, steps, runs, ranges, summary] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { lessonId: true } }),
    db().$queryRaw<{ reviewedAt: Date; dueBefore: unknown }[]>`
      SELECT r."reviewedAt", r.before->'due' AS "dueBefore" FROM "ReviewLog" r
      WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating' AND r."reviewedAt" > ${yearAgo}
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")`,
    db().reviewCard.findMany({ where: { userId }, select: { due: true, kind: true, state: true } }),
    db().$queryRaw<{ at: Date; verdict: string }[]>`
      SELECT a."createdAt" AS at, s->>'verdict' AS verdict
      FROM "Attempt" a, jsonb_array_elements(a.steps) s
      WHERE a."userId" = ${userId}::uuid AND coalesce(a.answers->>(s->>'id'), '') <> '' AND NOT (s ? 'held')
        AND s->>'verdict' <> 'unreadable'`,
    db().attempt.findMany({ where: { userId, source: "drill" }, select: { createdAt: true, elapsedMs: true } }),
    db().$queryRaw<{ held: boolean; logWidth: number }[]>`
      SELECT (s->>'held')::boolean AS held, (s->>'logWidth')::float8 AS "logWidth"
      FROM "Attempt" a, jsonb_array_elements(a.steps) s WHERE a."userId" = ${userId}::uuid AND s ? 'held'`,
    getReviewSummary(userId, now),
  ]);

  const lessons = course.lessons();
  const done = new Set(progress.map((p) => p.lessonId));
  const modules = MODULE_IDS.map((module) => {
    const inModule = lessons.filter((l) => l.module === module);
    return {
      module,
      title: MODULES[module].title,
      done: inModule.filter((l) => done.has(l.id)).length,
      total: inModule.length,
    };
  }).filter((m) => m.total > 0);

  const reviewRows = reviews.map((r) => ({
    reviewedAt: r.reviewedAt,
    dueBefore: dueSchema.parse({ due: r.dueBefore }).due,
  }));
  // New flashcards are introduced a few a day: only today's allowance of them is due; the rest wait and break no streak.
  const scheduled = cards.filter((c) => !(c.kind === "fact" && c.state === "new")).map((c) => c.due);
  const dueDates = [...scheduled, ...Array.from({ length: summary.leftToday }, () => now)];
  const overdue = dueDates.filter((due) => due <= now);

  return {
    today,
    modules,
    heatmap: reviewHeatmap(
      reviewRows.map((r) => r.reviewedAt),
      today,
      options,
    ),
    streak: currentStreak(reviewRows, overdue, today, options),
    reviewsTotal: reviewRows.length,
    forecast: dueForecast(dueDates, today, options),
    accuracy: accuracyByWeek(steps, options).filter((w) => w.week >= addDays(today, -7 * 26)),
    speed: speedByWeek(
      runs.map((r) => ({ at: r.createdAt, elapsedMs: r.elapsedMs })),
      options,
    ).filter((w) => w.week >= addDays(today, -7 * 26)),
    calibration: summariseCalibration(ranges),
    deckSize: cards.length,
  };
}
