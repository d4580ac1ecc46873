import { compute } from "./compute";
import type { ReferenceTable } from "./types";

type Conversion = { id: string; label: string; expression: string; unit?: string; suffix?: string };

// A month is 30 days and a year 365 days, the engine's (and the course's) conventions.
const CONVERSIONS: readonly Conversion[] = [
  { id: "minute", label: "Seconds in a minute", expression: "1 min", unit: "s" },
  { id: "hour", label: "Seconds in an hour", expression: "1 h", unit: "s" },
  { id: "day", label: "Seconds in a day (≈ 10^5)", expression: "1 day", unit: "s" },
  { id: "month", label: "Seconds in a month (30 days)", expression: "1 month", unit: "s" },
  { id: "year", label: "Seconds in a year (365 days)", expression: "1 year", unit: "s" },
  { id: "per-second-per-day", label: "1 per second, per day", expression: "1 day / 1 s", suffix: " a day" },
  { id: "1k-per-day", label: "1 thousand per day, per second", expression: "1k / 1 day" },
  { id: "1m-per-day", label: "1 million per day, per second", expression: "1M / 1 day" },
  { id: "10m-per-day", label: "10 million per day, per second", expression: "10M / 1 day" },
  { id: "100m-per-day", label: "100 million per day, per second", expression: "100M / 1 day" },
  { id: "1bn-per-day", label: "1 billion per day, per second", expression: "1bn / 1 day" },
  { id: "1m-per-month", label: "1 million per month, per second", expression: "1M / 1 month" },
];

/** Seconds per minute … year, and the factors between "per day" and "per second". */
export function timeTable(): ReferenceTable {
  return {
    id: "time",
    title: "Time conversions",
    caption: "Seconds per period, and requests per day in requests per second (month = 30 days, year = 365 days).",
    columns: [
      { label: "Conversion", numeric: false },
      { label: "Value", numeric: true },
      { label: "Worked out as", numeric: false },
    ],
    rows: CONVERSIONS.map(({ id, label, expression, unit, suffix = "" }) => {
      const result = compute(expression, unit === undefined ? {} : { unit });
      return { id, cells: [label, `${result.text}${suffix}`, expression], values: { value: result.value } };
    }),
    sources: [],
  };
}
