/**
 * The learner's day for an instant: the calendar date in their IANA time zone, where a day starts at `dayStartHour`
 * (4 am by default, so a late-night review counts for the day before). The one place Envelope cuts time into days.
 * @example dayKey(new Date("2026-03-08T03:30:00Z"), "America/New_York", 4) // "2026-03-07"
 */
export function dayKey(instant: Date, timeZone: string, dayStartHour = 4): string {
  // Read the local calendar date and hour in the zone; before the day's start hour it is still the previous day.
  // (Shifting the instant by the start hour instead would be wrong on nights the clocks change.)
  const { date, hour } = localDateAndHour(instant.getTime(), timeZone);
  return hour < dayStartHour ? addDays(date, -1) : date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Making an Intl.DateTimeFormat is costly (tens of microseconds); keep one per zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsAt(ms: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsAt(ms, timeZone);
  return Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000,
  );
}

/** Per zone and UTC day: the offset when it is the same all day, or null on a day the clocks change. */
const dayOffsets = new Map<string, number | null>();
const DAY_MS = 86_400_000;

function localDateAndHour(ms: number, timeZone: string): { date: string; hour: number } {
  const utcDay = Math.floor(ms / DAY_MS);
  const key = `${timeZone}|${utcDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(utcDay * DAY_MS, timeZone);
    offset = start === offsetAt((utcDay + 1) * DAY_MS - 1, timeZone) ? start : null;
    if (dayOffsets.size > 50_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset === null) {
    const p = partsAt(ms, timeZone);
    return { date: `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`, hour: p.hour };
  }
  const local = new Date(ms + offset * 60_000);
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
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

/**
 * The instant the learner's day `day` begins: `dayStartHour` o'clock local time in `timeZone`, the inverse of dayKey
 * (dayKey of the result is `day`, and of the millisecond before it the day before). When that local time does not exist
 * (the clocks jump over it), the first instant after the jump.
 * @example dayStartInstant("2026-03-08", "America/New_York", 4) // 2026-03-08T08:00:00Z (4 am EDT)
 */
export function dayStartInstant(day: string, timeZone: string, dayStartHour = 4): Date {
  const wall = new Date(`${day}T00:00:00Z`).getTime() + dayStartHour * 3_600_000;
  // The local time read with each offset the zone has around it; on the night the clocks go back it exists twice, and
  // the day starts at the first.
  const candidates = [
    ...new Set([wall - 43_200_000, wall, wall + 43_200_000].map((at) => wall - offsetAt(at, timeZone) * 60_000)),
  ].sort((a, b) => a - b);
  const starts = (ms: number) =>
    dayKey(new Date(ms), timeZone, dayStartHour) === day && dayKey(new Date(ms - 1), timeZone, dayStartHour) !== day;
  const start = candidates.find(starts);
  if (start !== undefined) return new Date(start);
  // The start hour was skipped: the day begins when the clocks jump, the later of the two readings.
  return new Date(Math.max(...candidates));
}
