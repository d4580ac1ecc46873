"use client";

import { useId, useMemo, useState } from "react";
import { matchRows } from "./filter-rows";
import type { ReferenceSheetData, SheetTable } from "./sheet-types";

export type ReferenceSheetViewProps = {
  sheet: ReferenceSheetData;
  /** 2 on the page (under its h1), 3 inside the panel (under the panel's title). */
  headingLevel?: 2 | 3;
};

/**
 * The reference tables with a search box that filters rows across all of them as you type. Rows that do not match are
 * hidden on screen but still printed, so printing always gives the whole sheet.
 */
export function ReferenceSheetView({ sheet, headingLevel = 2 }: ReferenceSheetViewProps) {
  const [query, setQuery] = useState("");
  const id = useId();
  const matches = useMemo(() => matchRows(sheet.tables, query), [sheet, query]);
  const total = sheet.tables.reduce((sum, table) => sum + table.rows.length, 0);
  const shown = [...matches.values()].reduce((sum, ids) => sum + ids.size, 0);
  const trimmed = query.trim();
  const status =
    trimmed === ""
      ? `${total} rows in ${sheet.tables.length} tables. Type to filter them.`
      : shown === 0
        ? `No rows match “${trimmed}”.`
        : `${shown} of ${total} rows match “${trimmed}”.`;
  return (
    <div className="min-w-0 space-y-8">
      <div className="space-y-2 print:hidden">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium">
          Search the sheet
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${id}-status`}
          placeholder="ssd, 99.9%, glacier, uuid…"
          autoComplete="off"
          spellCheck={false}
          className="field-input"
        />
        <p id={`${id}-status`} role="status" className="text-sm text-muted">
          {status}
        </p>
      </div>
      {sheet.tables.map((table) => (
        <ReferenceTableView
          key={table.id}
          table={table}
          visibleRows={matches.get(table.id) ?? new Set()}
          headingId={`${id}-${table.id}`}
          headingLevel={headingLevel}
        />
      ))}
    </div>
  );
}

type ReferenceTableViewProps = {
  table: SheetTable;
  visibleRows: ReadonlySet<string>;
  headingId: string;
  headingLevel: 2 | 3;
};

function ReferenceTableView({ table, visibleRows, headingId, headingLevel }: ReferenceTableViewProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const wide = table.columns.length > 3;
  return (
    <section className={visibleRows.size > 0 ? "space-y-2" : "hidden print:block"} data-reference-table={table.id}>
      <Heading id={headingId} className={headingLevel === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        {table.title}
      </Heading>
      <p id={`${headingId}-about`} className="text-sm text-muted">
        {table.caption}
      </p>
      {/* A phone scrolls the table sideways inside this frame, never the page; the frame is focusable so a keyboard
          can. A group, not a region: the panel beside an exercise may show the same tables as the page. */}
      <div
        className="overflow-x-auto rounded-lg border border-border bg-surface"
        tabIndex={0}
        role="group"
        aria-label={`${table.title} table`}
        data-reference-frame=""
      >
        <table
          className={`w-full border-collapse text-sm ${wide ? "min-w-[42rem]" : ""}`}
          aria-describedby={`${headingId}-about`}
        >
          {/* The heading above shows the title; the caption names the table for screen readers. */}
          <caption className="sr-only">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={`px-3 py-2 align-bottom font-medium ${column.numeric ? "text-right" : "text-left"}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.id}
                className={`border-t border-border ${visibleRows.has(row.id) ? "" : "hidden print:table-row"}`}
              >
                {row.cells.map((cell, index) => {
                  const numeric = table.columns[index]?.numeric === true;
                  const align = numeric ? "text-right tabular-nums" : "text-left";
                  return index === 0 ? (
                    <th key={index} scope="row" className={`px-3 py-2 align-top font-medium ${align}`}>
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className={`px-3 py-2 align-top ${align}`}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.sources.length > 0 && (
        <div className="text-xs text-muted">
          <p className="font-medium">Sources</p>
          <ul className="list-disc space-y-0.5 pl-5">
            {table.sources.map((source) => (
              <li key={source.url + source.label}>
                <a href={source.url} className="underline" rel="noreferrer">
                  {source.label}
                </a>{" "}
                ({source.year})
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
