import { compute } from "./compute";
import { SOURCES } from "./sources";
import type { ReferenceTable } from "./types";

type Link = { id: string; label: string; rate: string; bitsUnit: string; source: string };

const LINKS: readonly Link[] = [
  { id: "1g", label: "1 Gbps Ethernet", rate: "1 Gbps", bitsUnit: "Gbps", source: "Definition: 8 bits a byte" },
  { id: "10g", label: "10 Gbps", rate: "10 Gbps", bitsUnit: "Gbps", source: "Definition" },
  { id: "25g", label: "25 Gbps", rate: "25 Gbps", bitsUnit: "Gbps", source: "Definition" },
  { id: "100g", label: "100 Gbps", rate: "100 Gbps", bitsUnit: "Gbps", source: "Definition" },
  {
    id: "fixed-global",
    label: "Home broadband, global median download",
    rate: "97.61 Mbps",
    bitsUnit: "Mbps",
    source: "Ookla Speedtest Global Index, January 2025",
  },
  {
    id: "fixed-us",
    label: "Home broadband, United States median download",
    rate: "298.38 Mbps",
    bitsUnit: "Mbps",
    source: "Ookla Speedtest Global Index, October 2025",
  },
  {
    id: "mobile-global",
    label: "Mobile, global median download",
    rate: "91.24 Mbps",
    bitsUnit: "Mbps",
    source: "Ookla Speedtest Global Index, January 2025",
  },
  {
    id: "nvme",
    label: "PCIe 4.0 NVMe SSD, sequential read",
    rate: "7450 MB/s",
    bitsUnit: "Gbps",
    source: "Samsung 990 PRO specification, 2022",
  },
];

/** Link speeds in bits and bytes per second, with typical home and mobile downlinks. */
export function bandwidthTable(): ReferenceTable {
  return {
    id: "bandwidth",
    title: "Bandwidth",
    caption: "Network links in bits and bytes per second (1 byte = 8 bits), with measured home and mobile downlinks.",
    columns: [
      { label: "Link", numeric: false },
      { label: "Bits per second", numeric: true },
      { label: "Bytes per second", numeric: true },
      { label: "Source", numeric: false },
    ],
    rows: LINKS.map(({ id, label, rate, bitsUnit, source }) => {
      const bits = compute(rate, { unit: bitsUnit, sig: 5 });
      const bytes = compute(rate, { sig: 4 });
      return { id, cells: [label, bits.text, bytes.text, source], values: { bytesPerSecond: bytes.value } };
    }),
    sources: [SOURCES.ooklaJan2025, SOURCES.ooklaUsOct2025, SOURCES.samsung990Pro],
  };
}
