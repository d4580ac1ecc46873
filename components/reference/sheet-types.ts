// The reference sheet as the browser receives it (page props and GET /api/reference). Types only: components may not
// import lib/reference, so the route handler and the page assign lib/reference's sheet to these types, and the
// compiler checks the two shapes still agree.

export type SheetSource = { readonly label: string; readonly url: string; readonly year: string };

export type SheetColumn = { readonly label: string; readonly numeric: boolean };

export type SheetRow = { readonly id: string; readonly cells: readonly string[] };

export type SheetTable = {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
  readonly sources: readonly SheetSource[];
};

export type ReferenceSheetData = { readonly checked: string; readonly tables: readonly SheetTable[] };
