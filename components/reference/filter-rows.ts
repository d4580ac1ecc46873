import type { SheetTable } from "./sheet-types";

/** Lower case, one kind of micro sign, single spaces: "µs" typed with the Greek mu still finds "µs". */
export function normaliseText(text: string): string {
  return text.toLowerCase().replaceAll("\u03bc", "\u00b5").replace(/\s+/g, " ").trim();
}

/**
 * The ids of the rows that match `query`, per table. A row matches when every word of the query appears in its table's
 * title or in one of its cells, so "ssd 4 kb" finds the random-read row and "availability" the whole nines table.
 * An empty query matches everything.
 */
export function matchRows(tables: readonly SheetTable[], query: string): Map<string, Set<string>> {
  const words = normaliseText(query).split(" ").filter(Boolean);
  const matches = new Map<string, Set<string>>();
  for (const table of tables) {
    const ids = new Set<string>();
    for (const row of table.rows) {
      const text = normaliseText(`${table.title} ${row.cells.join(" ")}`);
      if (words.every((word) => text.includes(word))) ids.add(row.id);
    }
    matches.set(table.id, ids);
  }
  return matches;
}
