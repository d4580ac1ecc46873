import "server-only";
import { z } from "zod";
import {
  DEFAULT_SETTINGS,
  RETENTION_MAX,
  RETENTION_MIN,
  clampRetention,
  isValidTimeZone,
  type SchedulerSettings,
} from "@/lib/srs";
import { db } from "./db";

/** How many new flashcards a day introduces unless the learner changes it (Anki's default too). */
export const NEW_CARDS_PER_DAY_DEFAULT = 20;
export const NEW_CARDS_PER_DAY_MAX = 200;

export type LearnerSettings = SchedulerSettings & { timeZone: string; dayStartHour: number; newCardsPerDay: number };

const newCardsMessage = `New cards per day is a whole number from 0 to ${NEW_CARDS_PER_DAY_MAX}.`;

export const settingsUpdateSchema = z.strictObject({
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

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** The learner's review settings, or the defaults (UTC, a day starting at 4 am, 20 new cards a day). */
export async function getSettings(userId: string): Promise<LearnerSettings> {
  const row = await db().userSettings.findUnique({ where: { userId } });
  return row
    ? {
        desiredRetention: clampRetention(row.desiredRetention),
        timeZone: row.timeZone,
        dayStartHour: row.dayStartHour,
        newCardsPerDay: row.newCardsPerDay,
      }
    : { ...DEFAULT_SETTINGS, timeZone: "UTC", dayStartHour: 4, newCardsPerDay: NEW_CARDS_PER_DAY_DEFAULT };
}

export async function updateSettings(userId: string, input: SettingsUpdate): Promise<LearnerSettings> {
  await db().userSettings.upsert({ where: { userId }, update: input, create: { userId, ...input } });
  return getSettings(userId);
}
