// Pure functions that turn plain rows into the series the progress charts draw. No database, no clock: "today" and
// the learner's time zone are arguments, and days are cut by dayKey.
import { addDays, dayKey, daysBetween } from "./day";

export type DayCount = { day: string; count: number };

export type DayOptions = { timeZone: string; dayStartHour: number };

/** Reviews per day for the `days` days ending `today` (oldest first), zeros included. */
export function reviewHeatmap(
  reviewTimes: readonly Date[],
  today: string,
  options: DayOptions,
  days = 365,
): DayCount[] {
  const counts = new Map<string, number>();
  for (const at of reviewTimes) {
    const day = dayKey(at, options.timeZone, options.dayStartHour);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return daysBetween(addDays(today, -(days - 1)), today).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** A rating as the streak needs it: when it happened and when the card had been due. */
export type StreakReview = { reviewedAt: Date; dueBefore: Date };

/**
 * The current streak in days. A day with at least one review counts. A day without reviews breaks the streak only if
 * a card was waiting (due and not yet reviewed) that day; a day with nothing due neither counts nor breaks it. Today
 * without reviews does not break it either (the day is not over).
 * `overdue` are the due dates of cards due now and not yet reviewed.
 */
export function currentStreak(
  reviews: readonly StreakReview[],
  overdue: readonly Date[],
  today: string,
  options: DayOptions,
): number {
  const key = (at: Date) => dayKey(at, options.timeZone, options.dayStartHour);
  const reviewed = new Set(reviews.map((r) => key(r.reviewedAt)));
  if (reviewed.size === 0) return 0;
  const waiting = new Set<string>();
  const markWaiting = (from: string, until: string) => {
    for (let day = from; day < until; day = addDays(day, 1)) waiting.add(day);
  };
  for (const review of reviews) markWaiting(key(review.dueBefore), key(review.reviewedAt));
  for (const due of overdue) markWaiting(key(due), today);
  const first = [...reviewed].sort()[0] ?? today;
  let streak = 0;
  for (let day = today; day >= first; day = addDays(day, -1)) {
    if (reviewed.has(day)) streak++;
    else if (day !== today && waiting.has(day)) break;
  }
  return streak;
}

/** Cards coming due on each of the next `days` days from `today` (cards already overdue count today). */
export function dueForecast(dueDates: readonly Date[], today: string, options: DayOptions, days = 30): DayCount[] {
  const series = daysBetween(today, addDays(today, days - 1)).map((day) => ({ day, count: 0 }));
  const index = new Map(series.map((point, i) => [point.day, i]));
  for (const due of dueDates) {
    const day = dayKey(due, options.timeZone, options.dayStartHour);
    const i = day < today ? 0 : index.get(day);
    const point = i === undefined ? undefined : series[i];
    if (point) point.count++;
  }
  return series;
}

/** The Monday of a day's week, as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

export type StepRow = { at: Date; verdict: string };
export type WeekAccuracy = { week: string; share: number; steps: number };

/** Per week (Monday first), the share of answered estimation steps that were `close` or better. */
export function accuracyByWeek(steps: readonly StepRow[], options: DayOptions): WeekAccuracy[] {
  const weeks = new Map<string, { good: number; all: number }>();
  for (const step of steps) {
    const week = weekOf(dayKey(step.at, options.timeZone, options.dayStartHour));
    const bucket = weeks.get(week) ?? { good: 0, all: 0 };
    bucket.all++;
    if (step.verdict === "exact" || step.verdict === "close") bucket.good++;
    weeks.set(week, bucket);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, { good, all }]) => ({ week, share: good / all, steps: all }));
}

export type DrillRun = { at: Date; elapsedMs: number };
export type WeekSpeed = { week: string; medianSeconds: number; runs: number };

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Per week, the median seconds a drill run took. */
export function speedByWeek(runs: readonly DrillRun[], options: DayOptions): WeekSpeed[] {
  const weeks = new Map<string, number[]>();
  for (const run of runs) {
    const week = weekOf(dayKey(run.at, options.timeZone, options.dayStartHour));
    weeks.set(week, [...(weeks.get(week) ?? []), run.elapsedMs / 1000]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, seconds]) => ({ week, medianSeconds: Math.round(median(seconds)), runs: seconds.length }));
}
