import "server-only";
import type { Tx } from "./db";
import { balanceDue, capForDate, dayKey, dayStartInstant, fuzzRange, type CardState } from "@/lib/srs";
import type { LearnerSettings } from "./settings";

const DAY_MS = 86_400_000;

/**
 * The state to store after a rating at `now`: FSRS's `next`, moved to a lighter day of its fuzz window, then, with an
 * interview day, pulled in so its next review comes the day before the interview rather than after it (lib/srs
 * `capForDate`; the cap is applied last, so balancing never pushes a card past it).
 * Without an interview day (the learner has not set one) no cap applies.
 */
export async function settleSchedule(
  tx: Tx,
  userId: string,
  cardId: string,
  next: CardState,
  now: Date,
  settings: LearnerSettings,
): Promise<CardState> {
  const balanced = await balanceAgainstDeck(tx, userId, cardId, next, now, settings);
  const { interviewDay } = settings;
  if (interviewDay === null) return balanced;
  return capForDate(balanced, now, dayStartInstant(interviewDay, settings.timeZone, settings.dayStartHour));
}

/**
 * A card just scheduled at `now`, with its due date moved within FSRS's fuzz window to the learner day (their zone and
 * day start) on which the fewest of their other cards are due, so cards learned together do not all come back on one
 * day (lib/srs `balanceDue`; deterministic per card id). Learning steps and intervals under 3 days are left alone.
 * Runs inside the rating's transaction: one read of the due dates in the window.
 */
async function balanceAgainstDeck(
  tx: Tx,
  userId: string,
  cardId: string,
  next: CardState,
  now: Date,
  settings: LearnerSettings,
): Promise<CardState> {
  if (next.state !== "review" || next.scheduledDays < 3) return next;
  const { minDays, maxDays } = fuzzRange(next.scheduledDays);
  const rows = await tx.reviewCard.findMany({
    where: {
      userId,
      cardId: { not: cardId },
      due: {
        gte: new Date(now.getTime() + (minDays - 1) * DAY_MS),
        lt: new Date(now.getTime() + (maxDays + 1) * DAY_MS),
      },
    },
    select: { due: true },
  });
  const learnerDay = (at: Date) => dayKey(at, settings.timeZone, settings.dayStartHour);
  const perDay = new Map<string, number>();
  for (const row of rows) perDay.set(learnerDay(row.due), (perDay.get(learnerDay(row.due)) ?? 0) + 1);
  return balanceDue(next, now, cardId, (days) => perDay.get(learnerDay(new Date(now.getTime() + days * DAY_MS))) ?? 0);
}
