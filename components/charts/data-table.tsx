export type ChartDataTableProps = { caption: string; columns: string[]; rows: { key: string; cells: (string | number)[] }[] };

/** The numbers behind a chart, for screen readers (the drawing itself is hidden from them). First cell is the row header. */
export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [head, ...rest] }) => (
          <tr key={key}>
            <th scope="row">{head}</th>
            {rest.map((cell, i) => (
              <td key={i}>{typeof cell === "number" ? cell.toLocaleString("en") : cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
