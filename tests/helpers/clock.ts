/** A day in milliseconds. */
export const DAY_MS = 86_400_000;

/** `daysAgo(days, hours)`: the instant `days` days before `now`, plus `hours` hours (negative: earlier still). */
export function daysBefore(now: Date): (days: number, hours?: number) => Date {
  return (days, hours = 0) => new Date(now.getTime() - days * DAY_MS + hours * 3_600_000);
}
