export type NumbersTableProps = {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  align?: ("left" | "right" | "center")[];
};

const alignClass = { left: "text-left", right: "text-right tabular-nums", center: "text-center" } as const;

/** A table of reference numbers: a header row, numbers aligned right, scrollable on a phone. */
export function NumbersTable({ caption, columns, rows, align = [] }: NumbersTableProps) {
  return (
    <div
      className="my-6 overflow-x-auto rounded-md border border-border"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-sm font-medium text-muted">{caption}</caption>
        <thead className="bg-accent-soft">
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={`px-3 py-2 font-semibold ${alignClass[align[i] ?? "left"]}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-t border-border">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`px-3 py-2 font-normal ${alignClass[align[i] ?? "left"]}`}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 ${alignClass[align[i] ?? "left"]}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
