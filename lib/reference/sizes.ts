import { compute } from "./compute";
import { SOURCES } from "./sources";
import type { ReferenceTable } from "./types";

type Size = { id: string; object: string; expression: string; basis: string };

const SIZES: readonly Size[] = [
  { id: "uuid-binary", object: "UUID, binary", expression: "128 bits", basis: "128 bits (RFC 9562, 2024)" },
  {
    id: "uuid-text",
    object: "UUID, text",
    expression: "32 B + 4 B",
    basis: "32 hex digits and 4 hyphens, one byte each (RFC 9562, 2024)",
  },
  { id: "int32", object: "int32", expression: "32 bits", basis: "32-bit integer" },
  { id: "int64", object: "int64 (bigint)", expression: "64 bits", basis: "64-bit integer; PostgreSQL bigint" },
  {
    id: "timestamp",
    object: "Timestamp",
    expression: "64 bits",
    basis: "PostgreSQL timestamp and timestamptz, microsecond resolution (PostgreSQL docs)",
  },
  { id: "ipv4", object: "IPv4 address", expression: "32 bits", basis: "32-bit address (RFC 791)" },
  { id: "ipv6", object: "IPv6 address", expression: "128 bits", basis: "128-bit address (RFC 8200, 2017)" },
  {
    id: "post",
    object: "Short post with metadata (tweet-sized)",
    expression: "280 B + 3 * 8 B",
    basis:
      "280 characters (the limit on X) of ASCII text, plus an 8-byte id, author id and timestamp; non-Latin text takes up to 4 bytes a character in UTF-8",
  },
  {
    id: "photo",
    object: "Photo, 12 MP JPEG",
    expression: "4000 * 3000 * 3 B / 10",
    basis: "4,000 × 3,000 pixels × 3 bytes raw, about a tenth of that as JPEG at quality 80 (UseCalcPro, 2026)",
  },
  {
    id: "video-minute",
    object: "A minute of 1080p video",
    expression: "8 Mbps * 1 min",
    basis: "8 Mbps, YouTube’s recommended upload bitrate for 1080p at 24–30 fps (checked 2026-12)",
  },
  {
    id: "video-hour",
    object: "An hour of 1080p video",
    expression: "8 Mbps * 1 h",
    basis: "The same 8 Mbps for an hour",
  },
];

/** Sizes of the objects estimates are made of, each worked out from its basis. */
export function sizesTable(): ReferenceTable {
  return {
    id: "sizes",
    title: "Sizes of common objects",
    caption: "How many bytes the building blocks of an estimate take, each with the basis it is worked out from.",
    columns: [
      { label: "Object", numeric: false },
      { label: "Size", numeric: true },
      { label: "Basis", numeric: false },
    ],
    rows: SIZES.map(({ id, object, expression, basis }) => {
      const size = compute(expression);
      return { id, cells: [object, size.text, basis], values: { bytes: size.value } };
    }),
    sources: [
      SOURCES.rfc9562,
      SOURCES.postgresTypes,
      SOURCES.ipAddresses,
      SOURCES.xPostLimit,
      SOURCES.photoSize,
      SOURCES.youtubeBitrate,
    ],
  };
}
