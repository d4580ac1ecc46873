import "server-only";
import { z } from "zod";
import { addDays, dayKey, dayStartInstant, orderBacklog, spreadBacklog } from "@/lib/srs";
import { db } from "./db";
import { dueHorizon, getSettings } from "./settings";
import { SPREAD_PER_DAY_MAX, SPREAD_PER_DAY_MIN } from "./spread-limits";

const perDayMessage = `Reviews a day is a whole number from ${SPREAD_PER_DAY_MIN} to ${SPREAD_PER_DAY_MAX}.`;

export const spreadRequestSchema = z.strictObject({
  perDay: z
    .number({ message: perDayMessage })
    .int({ message: perDayMessage })
    .min(SPREAD_PER_DAY_MIN, { message: perDayMessage })
    .max(SPREAD_PER_DAY_MAX, { message: perDayMessage }),
});

export type SpreadResult = {
  /** cards left due today: the most overdue relative to their interval */
  keptToday: number;
  /** cards moved to the start of a later learner day */
  moved: number;
  /** how many later days take some of them */
  days: number;
};

/**
 * Spread a backlog after a break: of the cards due at `now` (new flashcards are not a backlog, and missed estimation
 * steps, what the learner most needs, always stay), the `perDay` most overdue relative to their interval stay due today, and the rest move to the
 * start of the following learner days, `perDay` a day in the same order (lib/srs `orderBacklog`, `spreadBacklog`).
 * Doing it again changes nothing: what is left due is at most `perDay`. One transaction, with the learner's due cards
 * locked, so two requests at once cannot both move the same cards.
 */
export async function spreadDueBacklog(userId: string, perDay: number, now: Date): Promise<SpreadResult> {
  const settings = await getSettings(userId);
  const today = dayKey(now, settings.timeZone, settings.dayStartHour);
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ cardId: string; due: Date; lastReview: Date | null; scheduledDays: number }[]>`
      SELECT "cardId", due, "lastReview", "scheduledDays" FROM "ReviewCard"
      WHERE "userId" = ${userId}::uuid AND due <= ${dueHorizon(now, settings)} AND kind <> 'step'
        AND NOT (kind = 'fact' AND state = 'new')
      ORDER BY "cardId" FOR UPDATE`;
    if (due.length <= perDay) return { keptToday: due.length, moved: 0, days: 0 };
    const groups = spreadBacklog(orderBacklog(due, now), Math.ceil(due.length / perDay));
    for (const [index, group] of groups.entries()) {
      if (index === 0 || group.length === 0) continue;
      await tx.reviewCard.updateMany({
        where: { userId, cardId: { in: group.map((card) => card.cardId) } },
        data: { due: dayStartInstant(addDays(today, index), settings.timeZone, settings.dayStartHour) },
      });
    }
    const keptToday = groups[0]?.length ?? 0;
    return { keptToday, moved: due.length - keptToday, days: groups.length - 1 };
  });
}
