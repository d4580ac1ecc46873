import type { Verdict } from "@/lib/engine";
import type { Rating } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short label for the time from `now` to `due`: "1m", "10m", "5h", "3d", "2mo", "1.5y". */
export function formatInterval(now: Date, due: Date): string {
  const ms = Math.max(0, due.getTime() - now.getTime());
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  const years = days / 365;
  return `${years < 10 ? Math.round(years * 10) / 10 : Math.round(years)}y`;
}

/** A reviewed estimation step answered this fast with an exact answer counts as Easy. */
export const EASY_WITHIN_MS = 60_000;

/**
 * The FSRS rating for a review of a missed estimation step, from the engine's verdict: off, order-of-magnitude,
 * unreadable or wrong-dimension → Again; close → Good; exact → Good, or Easy when answered within EASY_WITHIN_MS.
 */
export function ratingForVerdict(verdict: Verdict, elapsedMs: number): Rating {
  if (verdict === "exact") return elapsedMs <= EASY_WITHIN_MS ? 4 : 3;
  if (verdict === "close") return 3;
  return 1;
}
