export type ChartDataTableProps = {
  caption: string;
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
};

/**
 * The numbers behind a chart, for screen readers (the drawing itself is hidden from them). First cell is the row header.
 * The visually hidden box is a div around the table: a table ignores `width: 1px` and `overflow: hidden`, so an
 * `sr-only` table keeps its full width and made lesson pages scroll sideways on phones.
 */
export function ChartDataTable({ caption, columns, rows }: ChartDataTableProps) {
  return (
    <div className="sr-only">
      <table>
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
    </div>
  );
}
