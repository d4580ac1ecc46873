/**
 * The learner's day for an instant: the calendar date in their IANA time zone, where a day starts at `dayStartHour`
 * (4 am by default, so a late-night review counts for the day before). The one place Envelope cuts time into days.
 * @example dayKey(new Date("2026-03-08T03:30:00Z"), "America/New_York", 4) // "2026-03-07"
 */
export function dayKey(instant: Date, timeZone: string, dayStartHour = 4): string {
  // Read the local calendar date and hour in the zone; before the day's start hour it is still the previous day.
  // (Shifting the instant by the start hour instead would be wrong on nights the clocks change.)
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  return Number(get("hour")) < dayStartHour ? addDays(date, -1) : date;
}

/** A YYYY-MM-DD key moved by whole calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The days from `from` to `to` inclusive, as YYYY-MM-DD keys (calendar arithmetic in UTC on the keys themselves). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (cursor <= end) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}
