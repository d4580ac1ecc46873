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
import { getSettings, type LearnerSettings } from "./settings";

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

/** The rows the dashboard is drawn from (see getDashboard). */
export type DashboardRows = {
  /** lessons the learner has completed */
  completedLessonIds: readonly string[];
  /** ratings of the last year (undone ones left out), with each card's due date before the rating (JSON) */
  reviews: readonly { reviewedAt: Date; dueBefore: unknown }[];
  cards: readonly { due: Date; kind: string; state: string }[];
  /** answered estimation steps */
  steps: readonly { createdAt: Date; verdict: string }[];
  /** drill runs */
  runs: readonly { createdAt: Date; elapsedMs: number }[];
  /** calibration ranges */
  ranges: readonly { held: boolean; logWidth: number }[];
  /** new flashcards today may still introduce (lib/srs newCardAllowance) */
  newLeftToday: number;
};

/** Ratings of the year before `now`, undone ones left out, each with its card's due date before it. */
export function readYearOfReviews(userId: string, now: Date): Promise<DashboardRows["reviews"]> {
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000);
  return db().$queryRaw<{ reviewedAt: Date; dueBefore: unknown }[]>`
    SELECT r."reviewedAt", r.before->'due' AS "dueBefore" FROM "ReviewLog" r
    WHERE r."userId" = ${userId}::uuid AND r.kind = 'rating' AND r."reviewedAt" > ${yearAgo}
      AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = r."userId" AND u.kind = 'undo' AND u.undoes = r."clientId")`;
}

/** The learner's drill runs: when, and how long each took. */
export function readDrillRuns(userId: string): Promise<DashboardRows["runs"]> {
  return db().attempt.findMany({ where: { userId, source: "drill" }, select: { createdAt: true, elapsedMs: true } });
}

/** The learner's 80 % ranges: whether each held the true value, and its width in log space. */
export function readCalibrationRanges(userId: string): Promise<DashboardRows["ranges"]> {
  return db().$queryRaw<{ held: boolean; logWidth: number }[]>`
    SELECT (s->>'held')::boolean AS held, (s->>'logWidth')::float8 AS "logWidth"
    FROM "Attempt" a, jsonb_array_elements(a.steps) s WHERE a."userId" = ${userId}::uuid AND s ? 'held'`;
}

/** Everything the progress page draws, for one learner at `now`, as plain series. */
export async function getDashboard(userId: string, now: Date): Promise<Dashboard> {
  const settings = await getSettings(userId);
  const [progress, reviews, cards, steps, runs, ranges, summary] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { lessonId: true } }),
    readYearOfReviews(userId, now),
    db().reviewCard.findMany({ where: { userId }, select: { due: true, kind: true, state: true } }),
    db().$queryRaw<{ createdAt: Date; verdict: string }[]>`
      SELECT a."createdAt", s->>'verdict' AS verdict
      FROM "Attempt" a, jsonb_array_elements(a.steps) s
      WHERE a."userId" = ${userId}::uuid AND coalesce(a.answers->>(s->>'id'), '') <> '' AND NOT (s ? 'held')
        AND s->>'verdict' <> 'unreadable'`,
    readDrillRuns(userId),
    readCalibrationRanges(userId),
    getReviewSummary(userId, now),
  ]);
  return dashboardOf(settings, now, {
    completedLessonIds: progress.map((p) => p.lessonId),
    reviews,
    cards,
    steps,
    runs,
    ranges,
    newLeftToday: summary.leftToday,
  });
}

/** The dashboard at `now` from rows already read, with the learner's settings (their day boundary). */
export function dashboardOf(settings: LearnerSettings, now: Date, rows: DashboardRows): Dashboard {
  const options = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = dayKey(now, options.timeZone, options.dayStartHour);
  const lessons = course.lessons();
  const done = new Set(rows.completedLessonIds);
  const modules = MODULE_IDS.map((module) => {
    const inModule = lessons.filter((l) => l.module === module);
    return {
      module,
      title: MODULES[module].title,
      done: inModule.filter((l) => done.has(l.id)).length,
      total: inModule.length,
    };
  }).filter((m) => m.total > 0);

  const reviewRows = rows.reviews.map((r) => ({
    reviewedAt: r.reviewedAt,
    dueBefore: dueSchema.parse({ due: r.dueBefore }).due,
  }));
  // New flashcards are introduced a few a day: only today's allowance of them is due; the rest wait and break no streak.
  const scheduled = rows.cards.filter((c) => !(c.kind === "fact" && c.state === "new")).map((c) => c.due);
  const dueDates = [...scheduled, ...Array.from({ length: rows.newLeftToday }, () => now)];
  // The streak marks the learner days from each due date to its review, and from each overdue card's due date to
  // today. One review per (due day, review day) and only the earliest overdue card mark the same days, without walking
  // them again for every card: a deck left for a month otherwise walks that month once per card.
  const learnerDay = (at: Date) => dayKey(at, options.timeZone, options.dayStartHour);
  const streakReviews = [
    ...new Map(reviewRows.map((r) => [`${learnerDay(r.dueBefore)} ${learnerDay(r.reviewedAt)}`, r])).values(),
  ];
  const earliestOverdue = dueDates.reduce<Date | null>(
    (earliest, due) => (due <= now && (earliest === null || due < earliest) ? due : earliest),
    null,
  );

  return {
    today,
    modules,
    heatmap: reviewHeatmap(
      reviewRows.map((r) => r.reviewedAt),
      today,
      options,
    ),
    streak: currentStreak(streakReviews, earliestOverdue ? [earliestOverdue] : [], today, options),
    reviewsTotal: reviewRows.length,
    forecast: dueForecast(dueDates, today, options),
    accuracy: accuracyByWeek(
      rows.steps.map((step) => ({ at: step.createdAt, verdict: step.verdict })),
      options,
    ).filter((w) => w.week >= addDays(today, -7 * 26)),
    speed: speedByWeek(
      rows.runs.map((r) => ({ at: r.createdAt, elapsedMs: r.elapsedMs })),
      options,
    ).filter((w) => w.week >= addDays(today, -7 * 26)),
    calibration: summariseCalibration(rows.ranges),
    deckSize: rows.cards.length,
  };
}
