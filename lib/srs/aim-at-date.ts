import type { CardState } from "./types";

const DAY_MS = 86_400_000;

/**
 * A card just scheduled at `reviewedAt`, with its next review pulled in so it comes `leadDays` before the interview
 * instead of after it: due = interviewAt − leadDays × 24 h whenever the scheduled due date lies beyond that point.
 * Without the cap a card can come due a few days after the interview, so its last review is long before it and its
 * recall on the day is at or below the desired retention; with the cap every card gets a review shortly before the date.
 * Unchanged: cards not in review (learning steps are minutes), cards due before that point anyway, reviews already
 * inside the final `leadDays` (nothing closer to the date is possible), and any review after the interview.
 * `interviewAt` is the instant the learner's interview day starts (their day boundary, from lib/srs's day cut).
 * @example capForDate(cardDueIn40Days, now, twentyDaysFromNow) // due in 19 days, the day before
 */
export function capForDate(card: CardState, reviewedAt: Date, interviewAt: Date | null, leadDays = 1): CardState {
  if (interviewAt === null || card.state !== "review") return card;
  const target = interviewAt.getTime() - leadDays * DAY_MS;
  if (reviewedAt.getTime() >= target || card.due.getTime() <= target) return card;
  const scheduledDays = Math.max(1, Math.round((target - reviewedAt.getTime()) / DAY_MS));
  return { ...card, due: new Date(target), scheduledDays };
}
