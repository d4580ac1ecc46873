import { get_fuzz_range } from "ts-fsrs";
import type { CardState } from "./types";

const DAY_MS = 86_400_000;

/** The longest interval Envelope schedules (ts-fsrs's maximum_interval in scheduler.ts). */
const MAXIMUM_INTERVAL_DAYS = 36_500;

/** FNV-1a (32 bit) of a card id: the same id always leans the same way, so a balanced schedule is reproducible. */
function hashCardId(cardId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    hash ^= cardId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The interval in days to use instead of `intervalDays`, picked inside FSRS's fuzz range for that interval (about ±15 %
 * under 7 days, ±10 % to 20 days, ±5 % beyond; `get_fuzz_range` of ts-fsrs) on the day with the fewest cards already
 * due. `load(days)` is how many cards are due `days` days after this review. When the scheduled day is as light as any,
 * it stays (so an empty deck keeps FSRS's own intervals and a card's log replays to its state). Other ties go to the day
 * nearest a point of the range chosen by the card id's hash, so cards learned together spread over the range instead of
 * all landing on one day, and the same card with the same load always gets the same day.
 * An interval under 3 days has no range (it comes back as it is).
 * @see ts-fsrs `get_fuzz_range`; Anki's load balancer (Deck options › FSRS, 24.11), which weighs days the same way.
 * @example balanceInterval(10, 10, "card-a", (d) => (d === 10 ? 40 : 5)) // 9 or 11: both lighter than day 10
 */
export function balanceInterval(
  intervalDays: number,
  elapsedDays: number,
  cardId: string,
  load: (days: number) => number,
  maximumIntervalDays = MAXIMUM_INTERVAL_DAYS,
): number {
  if (!(intervalDays >= 3)) return intervalDays;
  const { min_ivl: min, max_ivl: max } = get_fuzz_range(intervalDays, elapsedDays, maximumIntervalDays);
  if (max <= min) return intervalDays;
  const preferred = min + (hashCardId(cardId) % (max - min + 1));
  let best = intervalDays;
  let bestLoad = Infinity;
  let bestDistance = Infinity;
  for (let days = min; days <= max; days++) {
    const dayLoad = load(days);
    const distance = Math.abs(days - preferred);
    if (dayLoad < bestLoad || (dayLoad === bestLoad && distance < bestDistance)) {
      best = days;
      bestLoad = dayLoad;
      bestDistance = distance;
    }
  }
  const scheduled = Math.min(Math.max(Math.round(intervalDays), min), max);
  return load(scheduled) <= bestLoad ? scheduled : best;
}

/** The days FSRS's fuzz would allow around an interval (ts-fsrs `get_fuzz_range`), for reading the load of that window. */
export function fuzzRange(intervalDays: number, elapsedDays = 0): { minDays: number; maxDays: number } {
  const { min_ivl: minDays, max_ivl: maxDays } = get_fuzz_range(intervalDays, elapsedDays, MAXIMUM_INTERVAL_DAYS);
  return { minDays, maxDays };
}

/**
 * A card just scheduled at `reviewedAt`, with its due date moved within its fuzz range toward a lighter day (see
 * `balanceInterval`). Only cards in review with an interval of 3 days or more move; learning and relearning steps
 * (minutes) and short intervals stay. Pure: a new state comes back, the argument is not changed.
 * @example balanceDue(scheduleReview(card, 3, now, settings), now, "card-a", (d) => dueCounts[d] ?? 0)
 */
export function balanceDue(
  card: CardState,
  reviewedAt: Date,
  cardId: string,
  load: (days: number) => number,
  elapsedDays = 0,
): CardState {
  if (card.state !== "review" || card.scheduledDays < 3) return card;
  const days = balanceInterval(card.scheduledDays, elapsedDays, cardId, load);
  if (days === card.scheduledDays) return card;
  return { ...card, scheduledDays: days, due: new Date(reviewedAt.getTime() + days * DAY_MS) };
}
