import { compute, formatWhole } from "./compute";
import type { ReferenceTable } from "./types";

// Names only: every number in this table comes out of the engine.
const POWERS: readonly { exponent: number; binary: string; decimal: string; name: string }[] = [
  { exponent: 10, binary: "KiB", decimal: "KB", name: "thousand" },
  { exponent: 20, binary: "MiB", decimal: "MB", name: "million" },
  { exponent: 30, binary: "GiB", decimal: "GB", name: "billion" },
  { exponent: 40, binary: "TiB", decimal: "TB", name: "trillion" },
  { exponent: 50, binary: "PiB", decimal: "PB", name: "quadrillion" },
];

/** 2^10 … 2^50: the exact value, its binary unit, and the decimal unit it is close to. */
export function powersOfTwoTable(): ReferenceTable {
  return {
    id: "powers-of-two",
    title: "Powers of two",
    caption: "Binary units (KiB = 1,024 B) beside the decimal ones (KB = 1,000 B) they are close to.",
    columns: [
      { label: "Power", numeric: false },
      { label: "Exact value", numeric: true },
      { label: "Binary unit", numeric: false },
      { label: "Decimal approximation", numeric: true },
      { label: "About a", numeric: false },
    ],
    rows: POWERS.map(({ exponent, binary, decimal, name }) => {
      const exact = compute(`2^${exponent}`);
      const approx = compute(`2^${exponent} B`, { unit: decimal, sig: 3 });
      return {
        id: `2-${exponent}`,
        cells: [`2^${exponent}`, formatWhole(exact.value), `1 ${binary}`, `≈ ${approx.text}`, name],
        values: { exact: exact.value },
      };
    }),
    sources: [],
  };
}
