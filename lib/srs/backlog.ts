// A backlog after a break: which due cards first, and how to spread many of them over several days. Pure.

const DAY_MS = 86_400_000;

/** What ordering a due card needs: when it came due, when it was last reviewed, and its interval in days. */
export type BacklogCard = {
  readonly cardId: string;
  readonly due: Date;
  readonly lastReview: Date | null;
  readonly scheduledDays: number;
};

/**
 * How overdue a card is relative to its interval: (now − due) / interval, where the interval is due − last review
 * (so a 10-minute relearning step overdue by a day counts as very overdue), else `scheduledDays`, and at least a minute.
 * 0 for a card not yet due.
 * @example relativeOverdueness({ due: d(10), lastReview: d(0), … }, d(15)) // 0.5: five days late on a ten-day interval
 */
export function relativeOverdueness(card: BacklogCard, now: Date): number {
  const late = now.getTime() - card.due.getTime();
  if (late <= 0) return 0;
  const sinceReview = card.lastReview ? card.due.getTime() - card.lastReview.getTime() : 0;
  const interval = Math.max(60_000, sinceReview > 0 ? sinceReview : card.scheduledDays * DAY_MS);
  return late / interval;
}

/**
 * Due cards in the order to review them after a break: most overdue relative to their interval first (a card three
 * days late on a two-day interval before one ten days late on a year), not oldest due first; ties by due date, then id.
 * The argument is not changed.
 * @see Anki's "Relative overdueness" review sort order.
 */
export function orderBacklog<T extends BacklogCard>(cards: readonly T[], now: Date): T[] {
  return cards
    .map((card) => ({ card, overdue: relativeOverdueness(card, now) }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        a.card.due.getTime() - b.card.due.getTime() ||
        a.card.cardId.localeCompare(b.card.cardId),
    )
    .map(({ card }) => card);
}

/**
 * A backlog split over `days` days, in order: day 0 takes the first cards. Sizes differ by at most one, and the
 * earlier days take the extra ones (the most overdue are seen soonest). `days` below 1 counts as 1.
 * @example spreadBacklog(["a", "b", "c", "d", "e"], 2) // [["a", "b", "c"], ["d", "e"]]
 */
export function spreadBacklog<T>(cards: readonly T[], days: number): T[][] {
  const count = Math.max(1, Math.floor(days));
  const base = Math.floor(cards.length / count);
  const extra = cards.length % count;
  const groups: T[][] = [];
  let start = 0;
  for (let day = 0; day < count; day++) {
    const size = base + (day < extra ? 1 : 0);
    groups.push(cards.slice(start, start + size));
    start += size;
  }
  return groups;
}
