// The answer set of npm run bench:engine: realistic answers to eight kinds of step, drawn from a seeded generator so
// every run grades the same 10,000 inputs.
import { evaluate, mulberry32, type Quantity, type Tolerance } from "@/lib/engine";

// Seeded, so the answer set is the same on every run.
const random = mulberry32(20_240_611);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
};
/** A learner's estimate: the truth times a log-uniform factor between 1/3 and 3, most answers near it. */
const near = (x: number): number => x * Math.exp((random() - 0.5) * 2.2 * random());
const digits = (x: number, sig: number): string => String(Number(x.toPrecision(sig)));
const withCommas = (x: number): string => Math.round(x).toLocaleString("en-US");

export type Case = {
  readonly expected: Quantity;
  readonly expect: string;
  readonly tolerance?: Tolerance;
  /** The same unit for mathjs, or null when mathjs has no such unit (money). */
  readonly mathUnit: string | null;
  readonly answer: () => string;
};

const rate = evaluate("200M * 20 / 1 day"); // 46,296 requests/s
const bandwidth = evaluate("35k requests/s * 5 KB"); // 175 MB/s = 1.4 Gbps
const ingest = evaluate("3 TB/day");
const storage = evaluate("1e9 * 500 B * 365");
const latency = evaluate("150 ms");
const cost = evaluate("$0.023/GB/month * 1 PB");
const users = evaluate("50000 users");
const servers = evaluate("ceil(208333 requests/s / (10k requests/s))");

export const CASES: readonly Case[] = [
  {
    expected: rate,
    expect: "requests/s",
    mathUnit: "",
    answer: () => {
      const v = near(46_296);
      return pick([
        () => `${digits(v / 1000, 2)}k`,
        () => withCommas(v),
        () => `${(v / 1e4).toFixed(1)}e4 requests/s`,
        () => `~${digits(v / 1000, 2)}k QPS`,
        () => `${(v / 1e4).toFixed(1)}×10^4`,
        () => `${(v / 1e4).toFixed(1)}*10^4`,
        () => `${digits(v / 1000, 2)} thousand`,
        () => `${digits(v / 1000, 3)}k/s`,
        () => `about ${digits(v / 1000, 2)}K`,
        () => String(Math.round(v)),
      ])();
    },
  },
  {
    expected: bandwidth,
    expect: "Gbps",
    mathUnit: "Gb/s",
    answer: () => {
      const v = near(1.4);
      return pick([
        () => `${digits(v, 2)} Gbps`,
        () => `${digits(v * 125, 3)} MB/s`,
        () => `${digits(v, 2)}e9 bps`,
        () => `${digits(v * 1000, 3)} Mbps`,
        () => `${digits(v, 2)} Gb/s`,
        () => digits(v, 2),
      ])();
    },
  },
  {
    expected: ingest,
    expect: "MB/s",
    mathUnit: "MB/s",
    answer: () => {
      const v = near(34.72);
      return pick([
        () => `${digits(v, 3)} MB/s`,
        () => `${digits(v * 0.0864, 2)} TB/day`,
        () => `${digits(v / 1000, 2)} GB/s`,
        () => digits(v, 2),
      ])();
    },
  },
  {
    expected: storage,
    expect: "TB",
    mathUnit: "TB",
    answer: () => {
      const v = near(182.5);
      return pick([
        () => `${digits(v, 4)} TB`,
        () => `${digits(v, 3)}TB`,
        () => `${digits(v / 100, 2)}e14 B`,
        () => `${digits(v / 1000, 2)} PB`,
        () => `${digits(v, 2)}`,
      ])();
    },
  },
  {
    expected: latency,
    expect: "ms",
    mathUnit: "ms",
    answer: () => {
      const v = near(150);
      return pick([
        () => `${digits(v, 2)}ms`,
        () => `${digits(v / 1000, 2)} s`,
        () => `${withCommas(v * 1000)} us`,
        () => digits(v, 3),
        () => `${digits(v * 0.01, 2)} TB`, // wrong dimension
      ])();
    },
  },
  {
    expected: cost,
    expect: "$/month",
    mathUnit: null,
    answer: () => {
      const v = near(23_000);
      return pick([
        () => `$${digits(v / 1000, 2)}k/month`,
        () => `$${withCommas(v)}/month`,
        () => `$${digits(v * 12e-3, 3)}k/year`,
      ])();
    },
  },
  {
    expected: users,
    expect: "users",
    tolerance: { kind: "range" },
    mathUnit: "",
    answer: () => {
      const low = near(30);
      const high = low * (1.5 + 5 * random());
      return pick([
        () => `${digits(low, 2)}k-${digits(high, 2)}k`,
        () => `${digits(low, 2)}k to ${digits(high, 2)}k`,
        () => `${digits(low, 2)}k–${digits(high, 2)}k users`,
        () => `${digits(low, 2)}k`, // a single number for a range step
      ])();
    },
  },
  {
    expected: servers,
    expect: "servers",
    tolerance: { kind: "exact" },
    mathUnit: "",
    answer: () => pick(["21", "21 servers", "20", "2^4", "22", "1/3"]),
  },
  {
    expected: rate,
    expect: "requests/s",
    mathUnit: "",
    answer: () =>
      pick([
        "",
        "lol",
        "46k bananas",
        "46,2",
        "forty-six thousand",
        "3 TB",
        "???",
        "46k ±5k",
        "1e999",
        "x".repeat(1 + Math.floor(random() * 40)),
        "$$$",
        "46k-",
      ]),
  },
];
