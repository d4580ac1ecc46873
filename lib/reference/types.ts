// The reference sheet as plain data: the page renders it, GET /api/reference sends it as JSON, and the panel beside
// an exercise renders the same JSON. Every cell is text already formatted on the server; `values` keeps the engine's
// raw numbers (SI base units) so tests can check the arithmetic, not only the wording.

/** Where a figure comes from. `year` is when it was published or measured ("2025"), or "checked 2026-12" for prices. */
export type ReferenceSource = { readonly label: string; readonly url: string; readonly year: string };

/** A column of a table; numeric columns are right-aligned. */
export type ReferenceColumn = { readonly label: string; readonly numeric: boolean };

/** One row: `cells[0]` is the row header, the rest line up with the table's columns. */
export type ReferenceRow = {
  readonly id: string;
  readonly cells: readonly string[];
  readonly values: Readonly<Record<string, number>>;
};

export type ReferenceTable = {
  readonly id: string;
  readonly title: string;
  /** One sentence under the title, used as the table's caption. */
  readonly caption: string;
  readonly columns: readonly ReferenceColumn[];
  readonly rows: readonly ReferenceRow[];
  readonly sources: readonly ReferenceSource[];
};

export type ReferenceSheet = {
  /** When the prices and current figures were last checked, "YYYY-MM". */
  readonly checked: string;
  readonly tables: readonly ReferenceTable[];
};
