import "server-only";
import { z } from "zod";
import {
  DEFAULT_SETTINGS,
  RETENTION_MAX,
  RETENTION_MIN,
  addDays,
  clampRetention,
  dayKey,
  isValidTimeZone,
  reviewHorizon,
  validWeights,
  type SchedulerSettings,
} from "@/lib/srs";
import { FINAL_PASS_DAYS } from "@/lib/plan";
import { db } from "./db";

/** How many new flashcards a day introduces unless the learner changes it (Anki's default too). */
export const NEW_CARDS_PER_DAY_DEFAULT = 20;
export const NEW_CARDS_PER_DAY_MAX = 200;

/** The minutes a day a plan may fill, and the default before the learner says. */
export const MINUTES_PER_DAY_MIN = 10;
export const MINUTES_PER_DAY_MAX = 240;
export const MINUTES_PER_DAY_DEFAULT = 30;
/** How far ahead an interview date may be: two years is further than any plan needs. */
export const INTERVIEW_DAYS_AHEAD_MAX = 730;

export type LearnerSettings = SchedulerSettings & {
  timeZone: string;
  dayStartHour: number;
  newCardsPerDay: number;
  /** the interview's day (YYYY-MM-DD, the learner's calendar), or null without a date */
  interviewDay: string | null;
  minutesPerDay: number;
  /** true once the learner has finished or skipped the welcome page */
  onboarded: boolean;
};

const newCardsMessage = `New cards per day is a whole number from 0 to ${NEW_CARDS_PER_DAY_MAX}.`;

const schedulerSettingsSchema = z.strictObject({
  desiredRetention: z
    .number()
    .min(RETENTION_MIN, { message: `Desired retention is at least ${RETENTION_MIN.toFixed(2)}.` })
    .max(RETENTION_MAX, { message: `Desired retention is at most ${RETENTION_MAX.toFixed(2)}.` })
    .optional(),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, {
      message: "That is not a time zone this server knows (use an IANA name such as Europe/Berlin).",
    })
    .optional(),
  dayStartHour: z.number().int().min(0).max(23).optional(),
  newCardsPerDay: z
    .number({ message: newCardsMessage })
    .int({ message: newCardsMessage })
    .min(0, { message: newCardsMessage })
    .max(NEW_CARDS_PER_DAY_MAX, {
      message: `New cards per day is at most ${NEW_CARDS_PER_DAY_MAX}: more than that piles up reviews faster than anyone keeps up with.`,
    })
    .optional(),
});

const minutesMessage = `Minutes a day is a whole number from ${MINUTES_PER_DAY_MIN} to ${MINUTES_PER_DAY_MAX}.`;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const planSettingsSchema = z.strictObject({
  interviewDay: z
    .string()
    .max(10)
    .refine(isCalendarDay, { message: "The interview date is a day written YYYY-MM-DD, such as 2027-01-15." })
    .nullable()
    .optional(),
  minutesPerDay: z
    .number({ message: minutesMessage })
    .int({ message: minutesMessage })
    .min(MINUTES_PER_DAY_MIN, { message: minutesMessage })
    .max(MINUTES_PER_DAY_MAX, { message: minutesMessage })
    .optional(),
  /** true marks the welcome page as done (or skipped) */
  onboarded: z.literal(true).optional(),
});

export const settingsUpdateSchema = schedulerSettingsSchema.extend(planSettingsSchema.shape);

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** The learner's settings, or the defaults (UTC, a day starting at 4 am, 20 new cards a day, 30 minutes, no date). */
export async function getSettings(userId: string): Promise<LearnerSettings> {
  const row = await db().userSettings.findUnique({ where: { userId } });
  if (!row)
    return {
      ...DEFAULT_SETTINGS,
      timeZone: "UTC",
      dayStartHour: 4,
      newCardsPerDay: NEW_CARDS_PER_DAY_DEFAULT,
      interviewDay: null,
      minutesPerDay: MINUTES_PER_DAY_DEFAULT,
      onboarded: false,
    };
  return {
    desiredRetention: clampRetention(row.desiredRetention),
    timeZone: row.timeZone,
    dayStartHour: row.dayStartHour,
    newCardsPerDay: row.newCardsPerDay,
    interviewDay: row.interviewDay ? row.interviewDay.toISOString().slice(0, 10) : null,
    minutesPerDay: row.minutesPerDay,
    onboarded: row.onboardedAt !== null,
    // The learner's fitted FSRS weights when they chose them and the set is whole; otherwise the defaults schedule.
    ...(row.useFitted && validWeights(row.fittedWeights) ? { weights: row.fittedWeights } : {}),
  };
}

/**
 * Why an interview day cannot be set on `today` (the learner's day), or null when it can: it is today or later, and
 * at most two years ahead.
 */
export function interviewDayProblem(day: string, today: string): string | null {
  if (day < today) return "The interview date has passed: pick today or a later day.";
  if (day > addDays(today, INTERVIEW_DAYS_AHEAD_MAX)) return "The interview date is more than two years away.";
  return null;
}

export type SettingsResult = { ok: true; settings: LearnerSettings } | { ok: false; field: string; message: string };

/** Store a change of settings at `now`; an interview day already past in the learner's zone is refused. */
export async function updateSettings(userId: string, input: SettingsUpdate, now = new Date()): Promise<SettingsResult> {
  const { interviewDay, onboarded, ...rest } = input;
  if (interviewDay) {
    const current = await getSettings(userId);
    const today = dayKey(now, rest.timeZone ?? current.timeZone, rest.dayStartHour ?? current.dayStartHour);
    const problem = interviewDayProblem(interviewDay, today);
    if (problem) return { ok: false, field: "interviewDay", message: problem };
  }
  const data = {
    ...rest,
    ...(interviewDay !== undefined
      ? { interviewDay: interviewDay === null ? null : new Date(`${interviewDay}T00:00:00Z`) }
      : {}),
    ...(onboarded ? { onboardedAt: now } : {}),
  };
  await db().userSettings.upsert({ where: { userId }, update: data, create: { userId, ...data } });
  return { ok: true, settings: await getSettings(userId) };
}

/**
 * The instant up to which the learner's cards count as due at `now`: `now`, except on the last day before their
 * interview, when the final pass also brings the cards due in the week after it (lib/srs `reviewHorizon`).
 */
export function dueHorizon(now: Date, settings: LearnerSettings): Date {
  return reviewHorizon(now, settings, FINAL_PASS_DAYS);
}
