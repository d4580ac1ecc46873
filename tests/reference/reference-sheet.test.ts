import { describe, expect, test } from "vitest";
import {
  availabilityTable,
  bandwidthTable,
  buildReferenceSheet,
  costsTable,
  getReferenceSheet,
  latencyTable,
  powersOfTwoTable,
  sizesTable,
  timeTable,
  type ReferenceTable,
} from "@/lib/reference";

// Every expected value below is independent arithmetic written out here, never read back from the engine.
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function rowOf(table: ReferenceTable, id: string) {
  const row = table.rows.find((r) => r.id === id);
  if (row === undefined) throw new Error(`no row ${id} in ${table.id}`);
  return row;
}

describe("availability", () => {
  const table = availabilityTable();
  test.each([
    { label: "two nines", id: "availability-99", down: 0.01, year: "3.65 days", month: "7.2 h", week: "100.8 min" },
    { label: "three nines", id: "availability-99.9", down: 0.001, year: "8.76 h", month: "43.2 min", week: "10.1 min" },
    {
      label: "three and a half",
      id: "availability-99.95",
      down: 0.0005,
      year: "4.38 h",
      month: "21.6 min",
      week: "5.04 min",
    },
    {
      label: "four nines",
      id: "availability-99.99",
      down: 0.0001,
      year: "52.6 min",
      month: "4.32 min",
      week: "60.5 s",
    },
    {
      label: "five nines",
      id: "availability-99.999",
      down: 0.00001,
      year: "5.26 min",
      month: "25.9 s",
      week: "6.05 s",
    },
  ])("$label: downtime per year, month and week", ({ id, down, year, month, week }) => {
    const row = rowOf(table, id);
    expect(row.values.year).toBeCloseTo(down * YEAR, 6);
    expect(row.values.month).toBeCloseTo(down * MONTH, 6);
    expect(row.values.week).toBeCloseTo(down * WEEK, 6);
    expect(row.cells.slice(1)).toEqual([year, month, week]);
  });

  test("99.9% is 8.76 hours a year", () => {
    expect(rowOf(table, "availability-99.9").values.year! / HOUR).toBeCloseTo(8.76, 9);
  });
});

describe("powers of two", () => {
  const table = powersOfTwoTable();
  test.each([
    { label: "2^10", id: "2-10", exact: 1_024, text: "1,024", approx: "≈ 1.02 KB" },
    { label: "2^20", id: "2-20", exact: 1_048_576, text: "1,048,576", approx: "≈ 1.05 MB" },
    { label: "2^30", id: "2-30", exact: 1_073_741_824, text: "1,073,741,824", approx: "≈ 1.07 GB" },
    { label: "2^40", id: "2-40", exact: 1_099_511_627_776, text: "1,099,511,627,776", approx: "≈ 1.1 TB" },
    {
      label: "2^50 (past the display rule's scientific threshold)",
      id: "2-50",
      exact: 1_125_899_906_842_624,
      text: "1,125,899,906,842,624",
      approx: "≈ 1.13 PB",
    },
  ])("$label = $text", ({ id, exact, text, approx }) => {
    const row = rowOf(table, id);
    expect(row.values.exact).toBe(exact);
    expect(row.cells[1]).toBe(text);
    expect(row.cells[3]).toBe(approx);
  });
});

describe("time conversions", () => {
  const table = timeTable();
  test.each([
    { label: "minute", id: "minute", value: 60, text: "60 s" },
    { label: "hour", id: "hour", value: 3_600, text: "3,600 s" },
    { label: "day", id: "day", value: 86_400, text: "86,400 s" },
    { label: "30-day month", id: "month", value: 2_592_000, text: "2,592,000 s" },
    { label: "365-day year", id: "year", value: 31_536_000, text: "31,536,000 s" },
    { label: "1 per second in a day", id: "per-second-per-day", value: 86_400, text: "86,400 a day" },
    { label: "1M a day", id: "1m-per-day", value: 1e6 / 86_400, text: "11.6/s" },
    { label: "100M a day", id: "100m-per-day", value: 1e8 / 86_400, text: "1,157/s" },
    { label: "1bn a day", id: "1bn-per-day", value: 1e9 / 86_400, text: "11,574/s" },
    { label: "1M a month", id: "1m-per-month", value: 1e6 / 2_592_000, text: "0.386/s" },
  ])("$label → $text", ({ id, value, text }) => {
    const row = rowOf(table, id);
    expect(row.values.value).toBeCloseTo(value, 9);
    expect(row.cells[1]).toBe(text);
  });
});

describe("bandwidth", () => {
  const table = bandwidthTable();
  test.each([
    { label: "1 Gbps", id: "1g", bytes: 125e6, text: "125 MB/s" },
    { label: "10 Gbps", id: "10g", bytes: 1.25e9, text: "1.25 GB/s" },
    { label: "25 Gbps", id: "25g", bytes: 3.125e9, text: "3.125 GB/s" },
    { label: "100 Gbps", id: "100g", bytes: 12.5e9, text: "12.5 GB/s" },
    { label: "global fixed median", id: "fixed-global", bytes: 97.61e6 / 8, text: "12.2 MB/s" },
    { label: "NVMe read, bytes quoted", id: "nvme", bytes: 7.45e9, text: "7.45 GB/s" },
  ])("$label is $text", ({ id, bytes, text }) => {
    const row = rowOf(table, id);
    expect(row.values.bytesPerSecond).toBeCloseTo(bytes, 0);
    expect(row.cells[2]).toBe(text);
  });

  test("the NVMe drive's 7,450 MB/s is 59.6 Gbps", () => {
    expect(rowOf(table, "nvme").cells[1]).toBe("59.6 Gbps");
  });
});

describe("cloud costs", () => {
  const table = costsTable();
  test.each([
    { label: "m7i.large, 730 h", id: "m7i-large", scaled: 0.1008 * 730, text: "$73.58 a month (730 h)" },
    { label: "r7i.large, 730 h", id: "r7i-large", scaled: 0.1323 * 730, text: "$96.58 a month (730 h)" },
    { label: "egress per TB", id: "egress", scaled: 0.09 * 1000, text: "$90 per TB" },
  ])("$label", ({ id, scaled, text }) => {
    const row = rowOf(table, id);
    expect(row.values.scaled).toBeCloseTo(scaled, 9);
    expect(row.cells[2]).toBe(text);
  });

  test.each([
    { label: "S3 Standard", id: "s3-standard", perTbMonth: 23, text: "$23/month per TB" },
    { label: "S3 Standard-IA", id: "s3-ia", perTbMonth: 12.5, text: "$12.5/month per TB" },
    { label: "Glacier Deep Archive", id: "s3-deep-archive", perTbMonth: 0.99, text: "$0.99/month per TB" },
    { label: "EBS gp3", id: "ebs-gp3", perTbMonth: 80, text: "$80/month per TB" },
  ])("$label: per TB-month", ({ id, perTbMonth, text }) => {
    const row = rowOf(table, id);
    // The engine keeps money per second: dollars per month ÷ seconds per month.
    expect(row.values.scaled! * MONTH).toBeCloseTo(perTbMonth, 9);
    expect(row.cells[2]).toBe(text);
  });

  test("every price names its page and the month it was checked", () => {
    for (const row of table.rows) expect(row.cells[3]).toMatch(/checked \d{4}-\d{2}$/);
    for (const source of table.sources) {
      expect(source.url).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(source.year).toMatch(/^checked \d{4}-\d{2}$/);
    }
  });
});

describe("latency", () => {
  const table = latencyTable();
  test.each([
    { label: "L1 reference", id: "l1", classic: 0.5e-9, text: "0.5 ns", times: 1 },
    { label: "main memory", id: "memory", classic: 100e-9, text: "100 ns", times: 200 },
    { label: "SSD random read", id: "ssd-random-4kb", classic: 150e-6, text: "150 µs", times: 300_000 },
    { label: "compress", id: "compress", classic: 3e-6, text: "3 µs", times: 6_000 },
    { label: "cross-Atlantic packet", id: "packet-ca-nl", classic: 0.15, text: "150 ms", times: 300_000_000 },
  ])("$label: $text, $times× an L1 reference", ({ id, classic, text, times }) => {
    const row = rowOf(table, id);
    expect(row.values.classic).toBeCloseTo(classic, 15);
    expect(row.cells[1]).toBe(text);
    expect(row.values.timesL1).toBeCloseTo(times, 3);
  });

  test.each([
    { label: "1 KB at 1 Gbps", id: "send-1kb", seconds: (1000 * 8) / 1e9 },
    { label: "1 MB from DDR5 at 35,844 MB/s", id: "memory-1mb", seconds: 1e6 / 35_844e6 },
    { label: "1 MB from NVMe at 7,450 MB/s", id: "ssd-1mb", seconds: 1e6 / 7_450e6 },
  ])("current figure computed: $label", ({ id, seconds }) => {
    expect(rowOf(table, id).values.current).toBeCloseTo(seconds, 12);
  });

  test.each([
    { label: "compress", id: "compress", header: "Compress 1 KB with Snappy (Zippy) (older tables: 10 µs)" },
    { label: "disk read", id: "disk-1mb", header: "Read 1 MB sequentially from a disk (older tables: 30 ms)" },
  ])("$label names the older figure", ({ id, header }) => {
    expect(rowOf(table, id).cells[0]).toBe(header);
  });

  test("every current figure carries a source with a year", () => {
    for (const row of table.rows) {
      const [, , , current, source] = row.cells;
      if (current === "—") expect(source).toBe("—");
      else expect(source).toMatch(/\b(19|20)\d{2}\b|^Computed/);
    }
  });
});

describe("sizes", () => {
  const table = sizesTable();
  test.each([
    { label: "UUID binary", id: "uuid-binary", bytes: 16, text: "16 B" },
    { label: "UUID text", id: "uuid-text", bytes: 36, text: "36 B" },
    { label: "int64", id: "int64", bytes: 8, text: "8 B" },
    { label: "timestamp", id: "timestamp", bytes: 8, text: "8 B" },
    { label: "IPv6", id: "ipv6", bytes: 16, text: "16 B" },
    { label: "tweet-sized post", id: "post", bytes: 280 + 3 * 8, text: "304 B" },
    { label: "12 MP JPEG", id: "photo", bytes: (4000 * 3000 * 3) / 10, text: "3.6 MB" },
    { label: "a minute of 1080p at 8 Mbps", id: "video-minute", bytes: (8e6 / 8) * 60, text: "60 MB" },
    { label: "an hour of 1080p at 8 Mbps", id: "video-hour", bytes: (8e6 / 8) * 3600, text: "3.6 GB" },
  ])("$label is $text", ({ id, bytes, text }) => {
    const row = rowOf(table, id);
    expect(row.values.bytes).toBeCloseTo(bytes, 6);
    expect(row.cells[1]).toBe(text);
  });
});

describe("the sheet", () => {
  const sheet = buildReferenceSheet();

  test("has the seven tables, in order", () => {
    expect(sheet.tables.map((t) => t.id)).toEqual([
      "latency",
      "powers-of-two",
      "time",
      "sizes",
      "bandwidth",
      "availability",
      "costs",
    ]);
  });

  test("every row fills every column and row ids are unique in their table", () => {
    for (const table of sheet.tables) {
      expect(new Set(table.rows.map((r) => r.id)).size, table.id).toBe(table.rows.length);
      for (const row of table.rows) {
        expect(row.cells, `${table.id}/${row.id}`).toHaveLength(table.columns.length);
        for (const cell of row.cells) expect(cell.trim(), `${table.id}/${row.id}`).not.toBe("");
      }
    }
  });

  test("every source has an https address and a year or the month it was checked", () => {
    for (const source of sheet.tables.flatMap((t) => t.sources)) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(source.year).toMatch(/^(\d{4}|checked \d{4}-\d{2})$/);
    }
  });

  test("survives a JSON round trip unchanged (what GET /api/reference sends)", () => {
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
  });

  test("is built once per process and is deterministic", () => {
    expect(getReferenceSheet()).toBe(getReferenceSheet());
    expect(buildReferenceSheet()).toEqual(sheet);
  });
});
