import { compute, computeRange } from "./compute";
import { SOURCES } from "./sources";
import type { ReferenceRow, ReferenceSource, ReferenceTable } from "./types";

type Current = { text: string; values: Record<string, number>; source: string };

type LatencyEntry = {
  id: string;
  operation: string;
  /** The classic figure, as an engine expression. */
  classic: string;
  /** What older versions of the table said, when it differs. */
  older?: string;
  current?: () => Current;
};

const NONE = "—";

// The classic table: Jeff Dean's 2009 numbers as circulated with Peter Norvig's, plus the SSD rows of the 2012 gist.
const ENTRIES: readonly LatencyEntry[] = [
  { id: "l1", operation: "L1 cache reference", classic: "0.5 ns" },
  { id: "branch", operation: "Branch mispredict", classic: "5 ns" },
  { id: "l2", operation: "L2 cache reference", classic: "7 ns" },
  { id: "mutex", operation: "Mutex lock/unlock", classic: "25 ns" },
  {
    id: "memory",
    operation: "Main memory reference",
    classic: "100 ns",
    current: () => {
      const range = computeRange("63.6 ns", "92.5 ns", "ns");
      return {
        text: `${range.text} (DDR5 desktops)`,
        values: { currentLow: range.low, currentHigh: range.high },
        source: "AIDA64: Ryzen 7000 + DDR5-6000, 2022; Core i5-12600K + DDR5-6400, 2021",
      };
    },
  },
  { id: "compress", operation: "Compress 1 KB with Snappy (Zippy)", classic: "3 µs", older: "10 µs" },
  {
    id: "send-1kb",
    operation: "Send 1 KB over a 1 Gbps network",
    classic: "10 µs",
    current: () => {
      const one = compute("1 KB / 1 Gbps");
      const ten = compute("1 KB / 10 Gbps");
      return {
        text: `${one.text} on the wire at 1 Gbps, ${ten.text} at 10 Gbps`,
        values: { current: one.value },
        source: "Computed: 1 KB ÷ link speed (serialisation only)",
      };
    },
  },
  {
    id: "ssd-random-4kb",
    operation: "Read 4 KB randomly from an SSD",
    classic: "150 µs",
    current: () => {
      const range = computeRange("20 µs", "100 µs", "µs");
      const kioxia = compute("27 µs");
      return {
        text: `${range.text} (NVMe); ${kioxia.text} on a PCIe 5.0 enterprise drive`,
        values: { currentLow: range.low, currentHigh: range.high },
        source: "Pure Storage, 2026; Kioxia, 2023",
      };
    },
  },
  {
    id: "memory-1mb",
    operation: "Read 1 MB sequentially from memory",
    classic: "250 µs",
    current: () => {
      const time = compute("1 MB / (35844 MB/s)", { sig: 2 });
      return {
        text: `${time.text} at 35,844 MB/s (DDR5-4800)`,
        values: { current: time.value },
        source: "Computed from an AIDA64 read benchmark, Longsys, 2021",
      };
    },
  },
  {
    id: "datacentre-rtt",
    operation: "Round trip within the same datacentre",
    classic: "500 µs",
    current: () => {
      const range = computeRange("0.5 ms", "1.5 ms", "ms");
      return {
        text: `${range.text} between availability zones of one cloud region`,
        values: { currentLow: range.low, currentHigh: range.high },
        source: "FlashGrid, AWS measurements, 2023",
      };
    },
  },
  {
    id: "ssd-1mb",
    operation: "Read 1 MB sequentially from an SSD",
    classic: "1 ms",
    current: () => {
      const time = compute("1 MB / (7450 MB/s)", { sig: 3 });
      return {
        text: `${time.text} at 7,450 MB/s (PCIe 4.0 NVMe)`,
        values: { current: time.value },
        source: "Computed from the Samsung 990 PRO specification, 2022",
      };
    },
  },
  { id: "disk-seek", operation: "Disk seek", classic: "10 ms" },
  { id: "disk-1mb", operation: "Read 1 MB sequentially from a disk", classic: "20 ms", older: "30 ms" },
  { id: "packet-ca-nl", operation: "Send a packet California → Netherlands → California", classic: "150 ms" },
];

function row(entry: LatencyEntry): ReferenceRow {
  const classic = compute(entry.classic);
  const timesL1 = compute(`${entry.classic} / 0.5 ns`, { unit: "" });
  const current = entry.current?.();
  return {
    id: entry.id,
    cells: [
      entry.older === undefined ? entry.operation : `${entry.operation} (older tables: ${compute(entry.older).text})`,
      classic.text,
      `${timesL1.text}×`,
      current?.text ?? NONE,
      current?.source ?? NONE,
    ],
    values: { classic: classic.value, timesL1: timesL1.value, ...current?.values },
  };
}

const SOURCES_USED: readonly ReferenceSource[] = [
  SOURCES.dean2009,
  SOURCES.norvig,
  SOURCES.latencyGist,
  SOURCES.ddr5Ryzen,
  SOURCES.ddr5AlderLake,
  SOURCES.ddr5Bandwidth,
  SOURCES.pureNvme,
  SOURCES.kioxiaGen5,
  SOURCES.flashgridAz,
  SOURCES.samsung990Pro,
];

/** The classic latency table with each figure's multiple of an L1 reference, and a current figure where one is sourced. */
export function latencyTable(): ReferenceTable {
  return {
    id: "latency",
    title: "Latency numbers",
    caption:
      "The classic figures (Dean 2009, Norvig) beside current measured ones; the current column names its source and year.",
    columns: [
      { label: "Operation", numeric: false },
      { label: "Classic figure", numeric: true },
      { label: "Times an L1 reference", numeric: true },
      { label: "Current figure", numeric: false },
      { label: "Source of the current figure", numeric: false },
    ],
    rows: ENTRIES.map(row),
    sources: SOURCES_USED,
  };
}
