// Numbers a person would write: 520 B rather than 0.52 KB, 3 days rather than 3.2 days.

const SMALLER_PREFIX: Readonly<Record<string, string>> = { K: "", M: "K", G: "M", T: "G", P: "T", E: "P" };
const DATA_UNIT = /^([KMGTPE])(B|bps)(\/.*)?$/;

/**
 * A value below 1 in a decimal data unit, moved down by whole prefixes until it is at least 1 ("0.52 KB" →
 * 520 B, "0.0055 TB/day" → 5.5 GB/day). Other units, and values of 1 or more, come back unchanged.
 * @example smallerDataUnit(0.52, "KB") // { value: 520, unit: "B" }
 */
export function smallerDataUnit(value: number, unit: string): { value: number; unit: string } {
  let current = { value, unit };
  for (;;) {
    const match = DATA_UNIT.exec(current.unit);
    if (!match?.[1] || !(Math.abs(current.value) > 0 && Math.abs(current.value) < 1)) return current;
    const prefix = SMALLER_PREFIX[match[1]] ?? "";
    current = { value: Number((current.value * 1000).toPrecision(12)), unit: `${prefix}${match[2]}${match[3] ?? ""}` };
  }
}

// Durations counted in whole units: a retention of 3.2 days or an outage of 5.8 minutes reads as a made-up number.
const WHOLE_UNITS = new Set([
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "min",
  "minute",
  "minutes",
]);

/**
 * A varied value in a unit people count in whole steps (days, weeks, months, years, minutes), rounded to a whole
 * number inside [min, max]; any other unit comes back unchanged.
 * @example wholeForUnit(3.2, "days", 1, 30) // 3
 */
export function wholeForUnit(value: number, unit: string, min: number, max: number): number {
  if (!WHOLE_UNITS.has(unit.trim())) return value;
  const whole = Math.round(value);
  if (whole < min) return Math.ceil(min);
  if (whole > max) return Math.floor(max);
  return whole;
}
