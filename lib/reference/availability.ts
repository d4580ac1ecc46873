import { compute } from "./compute";
import type { ReferenceTable } from "./types";

const LEVELS: readonly string[] = ["99%", "99.5%", "99.9%", "99.95%", "99.99%", "99.999%"];

const PERIODS: readonly { key: string; unit: string }[] = [
  { key: "year", unit: "1 year" },
  { key: "month", unit: "1 month" },
  { key: "week", unit: "1 week" },
];

/** The nines: downtime allowed per year (365 days), month (30 days) and week at each availability. */
export function availabilityTable(): ReferenceTable {
  return {
    id: "availability",
    title: "Availability (the nines)",
    caption: "Downtime an availability target allows, per year (365 days), month (30 days) and week.",
    columns: [
      { label: "Availability", numeric: true },
      { label: "Downtime per year", numeric: true },
      { label: "Per month", numeric: true },
      { label: "Per week", numeric: true },
    ],
    rows: LEVELS.map((level) => {
      const downtimes = PERIODS.map(({ key, unit }) => ({ key, ...compute(`(1 - ${level}) * ${unit}`) }));
      return {
        id: `availability-${level.replace("%", "")}`,
        cells: [level, ...downtimes.map((d) => d.text)],
        values: Object.fromEntries(downtimes.map((d) => [d.key, d.value])),
      };
    }),
    sources: [],
  };
}
