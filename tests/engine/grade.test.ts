import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  describeCalibration,
  evaluate,
  grade,
  summariseCalibration,
  toleranceSchema,
  wilsonInterval,
  type Tolerance,
} from "@/lib/engine";

const reference = evaluate("46296 requests/s");
const asked = { expect: "requests/s" };

describe("default grading: full credit within 15 % either way, nothing at a factor of 10", () => {
  test.each([
    { label: "the reference itself", answer: "46296", verdict: "exact", score: 1 },
    { label: "0.5 % above: still exact", answer: String(46_296 * 1.005), verdict: "exact", score: 1 },
    { label: "0.5 % below: still exact", answer: String(46_296 * 0.995), verdict: "exact", score: 1 },
    { label: "0.6 % above: close", answer: String(46_296 * 1.006), verdict: "close", score: 1 },
    { label: "46k: close", answer: "46k", verdict: "close", score: 1 },
    { label: "15 % above: close", answer: String(46_296 * 1.15), verdict: "close", score: 1 },
    { label: "15 % below: close", answer: String(46_296 * 0.85), verdict: "close", score: 1 },
    {
      label: "the 86,400 ≈ 10^5 shortcut (13.6 % low)",
      answer: String((200e6 * 20) / 1e5),
      verdict: "close",
      score: 1,
    },
    { label: "at the zero-credit factor above", answer: String(46_296 * 10), verdict: "off", score: 0 },
    { label: "at the zero-credit factor below", answer: String(46_296 / 10), verdict: "off", score: 0 },
    { label: "beyond a factor of 10", answer: "1M", verdict: "off", score: 0 },
    { label: "zero", answer: "0", verdict: "off", score: 0 },
    { label: "negative", answer: "-46296", verdict: "off", score: 0 },
  ])("$label → $verdict", ({ answer, verdict, score }) => {
    const result = grade(answer, reference, undefined, asked);
    expect(result.verdict).toBe(verdict);
    expect(result.score).toBeCloseTo(score, 9);
  });

  test.each([
    { label: "16 % above", factor: 1.16 },
    { label: "16 % below", factor: 0.84 },
    { label: "2× above", factor: 2 },
    { label: "3× below", factor: 1 / 3 },
    { label: "9.9× above", factor: 9.9 },
    { label: "9.9× below", factor: 1 / 9.9 },
  ])("$label: order-of-magnitude with 0 < score < 1", ({ factor }) => {
    const result = grade(String(46_296 * factor), reference, undefined, asked);
    expect(result.verdict).toBe("order-of-magnitude");
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
  });

  test.each([
    {
      label: "above: (ln 10 − ln r)/(ln 10 − ln 1.15)",
      factor: 3,
      expected: (Math.log(10) - Math.log(3)) / (Math.log(10) - Math.log(1.15)),
    },
    {
      label: "below: (ln 10 − ln(1/r))/(ln 10 − ln(1/0.85))",
      factor: 1 / 3,
      expected: (Math.log(10) - Math.log(3)) / (Math.log(10) - Math.log(1 / 0.85)),
    },
    {
      label: "√10 above is about half",
      factor: Math.sqrt(10),
      expected: Math.log(10) / 2 / (Math.log(10) - Math.log(1.15)),
    },
  ])("credit falls linearly in log space, $label", ({ factor, expected }) => {
    expect(grade(String(46_296 * factor), reference, undefined, asked).score).toBeCloseTo(expected, 6);
  });

  test("credit never rises as the answer moves away", () => {
    let previous = 1;
    for (let k = 0; k <= 60; k++) {
      const score = grade(String(46_296 * 1.05 ** k), reference, undefined, asked).score;
      expect(score).toBeLessThanOrEqual(previous + 1e-12);
      previous = score;
    }
  });
});

describe("each tolerance kind", () => {
  const servers = evaluate("ceil(208333 requests/s / (10k requests/s))");
  test.each<{ label: string; answer: string; tolerance: Tolerance; verdict: string; score: number }>([
    { label: "exact: the number", answer: "21", tolerance: { kind: "exact" }, verdict: "exact", score: 1 },
    { label: "exact: with the label", answer: "21 servers", tolerance: { kind: "exact" }, verdict: "exact", score: 1 },
    { label: "exact: one off", answer: "22", tolerance: { kind: "exact" }, verdict: "off", score: 0 },
    { label: "exact: a fraction off", answer: "21.1", tolerance: { kind: "exact" }, verdict: "off", score: 0 },
    {
      label: "relative 5 %: inside",
      answer: "22",
      tolerance: { kind: "relative", within: 0.05 },
      verdict: "close",
      score: 1,
    },
    {
      label: "relative 5 %: at the edge",
      answer: "22.05",
      tolerance: { kind: "relative", within: 0.05 },
      verdict: "close",
      score: 1,
    },
    {
      label: "relative 5 %: outside",
      answer: "23",
      tolerance: { kind: "relative", within: 0.05 },
      verdict: "off",
      score: 0,
    },
    {
      label: "relative 5 %: exact",
      answer: "21",
      tolerance: { kind: "relative", within: 0.05 },
      verdict: "exact",
      score: 1,
    },
    {
      label: "ratio 2/8: inside the band",
      answer: "12.6",
      tolerance: { kind: "ratio", full: 2, zero: 8 },
      verdict: "close",
      score: 1,
    },
    {
      label: "ratio 2/8: 4× over is half",
      answer: "84",
      tolerance: { kind: "ratio", full: 2, zero: 8 },
      verdict: "order-of-magnitude",
      score: 0.5,
    },
    {
      label: "ratio 2/8: 8× under is nothing",
      answer: "2.625",
      tolerance: { kind: "ratio", full: 2, zero: 8 },
      verdict: "off",
      score: 0,
    },
  ])("$label", ({ answer, tolerance, verdict, score }) => {
    const result = grade(answer, servers, tolerance, { expect: "servers" });
    expect(result.verdict).toBe(verdict);
    expect(result.score).toBeCloseTo(score, 9);
  });
});

describe("slips get named", () => {
  const bandwidth = evaluate("35k requests/s * 5 KB");
  test.each([
    { label: "×1000 (a prefix)", answer: String(46_296 * 1000), contains: "prefix slip" },
    { label: "÷1000 (a prefix)", answer: "46", contains: "prefix slip" },
    { label: "×10^6 (two prefixes)", answer: String(46_296 * 1e6), contains: "Two prefix steps" },
    { label: "÷10^6 (two prefixes)", answer: "0.046", contains: "Two prefix steps" },
  ])("rate $label", ({ answer, contains }) => {
    expect(grade(answer, reference, undefined, asked).message).toContain(contains);
  });

  test.each([
    { label: "×8: bits written as bytes", answer: "1400 MB/s", contains: "Bits versus bytes" },
    { label: "÷8: bytes written as bits", answer: "175 Mbps", contains: "Bits versus bytes" },
    { label: "MB/s vs GB/s: a prefix", answer: "175 GB/s", contains: "prefix slip" },
  ])("bandwidth $label", ({ answer, contains }) => {
    const result = grade(answer, bandwidth, undefined, { expect: "MB/s" });
    expect(result.message).toContain(contains);
    expect(result.score).toBeLessThan(1);
  });

  test("a right answer gets no slip note", () => {
    expect(grade("1.4 Gbps", bandwidth, undefined, { expect: "MB/s" }).message).not.toContain("slip");
  });
});

describe("wrong dimension and unreadable answers", () => {
  const latency = evaluate("150 ms");
  test.each([
    {
      label: "data for a time",
      answer: "3 TB",
      verdict: "wrong-dimension",
      message: "Read 3 TB (data); this step asks for a time.",
    },
    {
      label: "a rate for a time",
      answer: "46k/s",
      verdict: "wrong-dimension",
      message: "Read 46,000/s (rate); this step asks for a time.",
    },
    { label: "empty", answer: "", verdict: "unreadable", message: "No answer given." },
    {
      label: "words",
      answer: "fast",
      verdict: "unreadable",
      message: "Could not read “fast”: expected a number where it says “fast”. This step asks for a time, in ms.",
    },
    {
      label: "a range for a number step",
      answer: "100-200 ms",
      verdict: "unreadable",
      message: "This step asks for one number, not a range (read as 100 to 200 ms).",
    },
  ])("$label", ({ answer, verdict, message }) => {
    const result = grade(answer, latency, undefined, { expect: "ms" });
    expect(result.verdict).toBe(verdict);
    expect(result.score).toBe(0);
    expect(result.message).toBe(message);
  });

  test("without expect, a bare number is read in the reference's base unit", () => {
    expect(grade("46k", reference).read).toBe("read as 46,000 requests/s");
    expect(grade("0.15", latency).verdict).toBe("exact");
  });
});

describe("grading never throws, whatever is typed", () => {
  test("arbitrary strings up to 10,000 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10_000, unit: "binary" }), (text) => {
        const result = grade(text, reference, undefined, asked);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(typeof result.message).toBe("string");
        expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  const whiteboard = fc.constantFrom(..."0123456789.,eE^×x*/:-–— ~≈$%kKMBbTmsnuµhdyQPSGi()+⁴ tobnper".split(""));
  test("strings made of whiteboard characters", () => {
    fc.assert(
      fc.property(
        fc.array(whiteboard, { maxLength: 40 }),
        fc.constantFrom("requests/s", "MB/s", "ms", "$/month", "", "B"),
        (chars, unit) => {
          const expected = evaluate(unit === "" ? "3" : `3 ${unit}`);
          const result = grade(chars.join(""), expected, undefined, { expect: unit });
          expect(Number.isFinite(result.score)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("ranges for calibration", () => {
  const truth = evaluate("50000 users");
  const range: Tolerance = { kind: "range" };
  test.each([
    { label: "holds, a factor 2.7 wide", answer: "30k-80k", score: 1, verdict: "close", held: true },
    { label: "holds, exactly a factor 10", answer: "10k-100k", score: 1, verdict: "close", held: true },
    { label: "holds, a factor 100: nothing", answer: "5k-500k", score: 0, verdict: "off", held: true },
    {
      label: "holds, a factor √1000: half-ish",
      answer: "5k to 158,114",
      score: 2 - Math.log10(158_114 / 5_000),
      verdict: "order-of-magnitude",
      held: true,
    },
    { label: "misses above", answer: "60k-90k", score: 0, verdict: "off", held: false },
    { label: "misses below", answer: "10k to 40k", score: 0, verdict: "off", held: false },
    { label: "the truth on an end holds", answer: "50k–70k", score: 1, verdict: "close", held: true },
  ])("$label", ({ answer, score, verdict, held }) => {
    const result = grade(answer, truth, range, { expect: "users" });
    expect(result.score).toBeCloseTo(score, 6);
    expect(result.verdict).toBe(verdict);
    expect(result.calibration?.held).toBe(held);
  });

  test("logWidth is log10(high / low)", () => {
    expect(grade("30k-80k", truth, range, { expect: "users" }).calibration?.logWidth).toBeCloseTo(
      Math.log10(8 / 3),
      12,
    );
  });

  test.each([
    {
      label: "a single number",
      answer: "50k",
      contains: "asks for an 80 % range (the low end, a dash or “to”, then the high end)",
    },
    { label: "a range from zero", answer: "0-100k", contains: "low end must be above zero" },
  ])("$label is unreadable for a range step", ({ answer, contains }) => {
    const result = grade(answer, truth, range, { expect: "users" });
    expect(result.verdict).toBe("unreadable");
    expect(result.message).toContain(contains);
  });

  const ranges = (held: number, missed: number, logWidth = 0.5) => [
    ...Array.from({ length: held }, () => ({ held: true, logWidth })),
    ...Array.from({ length: missed }, () => ({ held: false, logWidth })),
  ];

  test.each([
    { label: "none", results: [], count: 0, held: 0, tooWide: 0, verdict: "not-enough" },
    {
      label: "four of four held: too few to judge",
      results: ranges(4, 0),
      count: 4,
      held: 4,
      tooWide: 0,
      verdict: "not-enough",
    },
    {
      label: "a 1–10¹² range holds but does not count",
      results: ranges(1, 0, 12),
      count: 1,
      held: 0,
      tooWide: 1,
      verdict: "not-enough",
    },
    {
      label: "a range of exactly a factor of 100 earns nothing and does not count",
      results: ranges(1, 0, 2),
      count: 1,
      held: 0,
      tooWide: 1,
      verdict: "not-enough",
    },
    { label: "8 of 10 held", results: ranges(8, 2), count: 10, held: 8, tooWide: 0, verdict: "calibrated" },
    {
      label: "61 of 100 held: too narrow",
      results: ranges(61, 39),
      count: 100,
      held: 61,
      tooWide: 0,
      verdict: "too-narrow",
    },
    {
      label: "99 of 100 held: too wide",
      results: ranges(99, 1),
      count: 100,
      held: 99,
      tooWide: 0,
      verdict: "too-wide",
    },
    {
      label: "10 huge ranges that all hold are not calibration",
      results: ranges(10, 0, 12),
      count: 10,
      held: 0,
      tooWide: 10,
      verdict: "too-narrow",
    },
  ])("calibration summary: $label", ({ results, count, held, tooWide, verdict }) => {
    expect(summariseCalibration(results)).toMatchObject({
      count,
      held,
      tooWide,
      verdict,
      heldShare: count === 0 ? 0 : held / count,
    });
  });

  test.each([
    { label: "8 of 10", successes: 8, n: 10, low: 0.4902, high: 0.9433 },
    { label: "61 of 100", successes: 61, n: 100, low: 0.5121, high: 0.7002 },
    { label: "none of 0", successes: 0, n: 0, low: 0, high: 1 },
  ])("Wilson interval: $label", ({ successes, n, low, high }) => {
    // Reference values from the Wilson score formula with z = 1.96.
    const interval = wilsonInterval(successes, n);
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 3);
  });

  test.each([
    { label: "nothing yet", results: [], says: /not given any ranges/ },
    { label: "too few", results: ranges(3, 1), says: /Give 6 more before Envelope judges/ },
    {
      label: "uninformative ranges are named",
      results: ranges(2, 0, 12),
      says: /2 more held it only by spanning a factor of 100/,
    },
    {
      label: "enough, with its uncertainty",
      results: ranges(8, 2),
      says: /likely between 49% and 94%.*well calibrated/,
    },
    { label: "mostly uninformative", results: ranges(10, 0, 12), says: /Most of your ranges were too wide to count/ },
  ])("calibration in words: $label", ({ results, says }) => {
    expect(describeCalibration(summariseCalibration(results))).toMatch(says);
  });
});

describe("author mistakes throw", () => {
  test.each([
    { label: "unknown expected unit", run: () => grade("1", reference, undefined, { expect: "furlongs" }) },
    { label: "expected unit of another dimension", run: () => grade("1", reference, undefined, { expect: "MB" }) },
    { label: "ratio with zero ≤ full", run: () => grade("1", reference, { kind: "ratio", full: 2, zero: 1.5 }, asked) },
  ])("$label", ({ run }) => {
    expect(run).toThrow(/./);
  });
});

describe("wide ratio bands are symmetric as factors", () => {
  const truth = evaluate("1000 requests/s");
  test.each([
    { label: "a third of the reference is full credit at full = 3", answer: "334 requests/s", score: 1 },
    { label: "three times is full credit at full = 3", answer: "3000 requests/s", score: 1 },
    { label: "a ninth is no longer full credit at full = 3", answer: "112 requests/s", below: 1 },
  ])("$label", ({ answer, score, below }) => {
    const result = grade(answer, truth, { kind: "ratio", full: 3, zero: 30 }, { expect: "requests/s" });
    if (score !== undefined) expect(result.score).toBe(score);
    if (below !== undefined) expect(result.score).toBeLessThan(below);
  });
});

describe("a fraction typed on a percentage step is named", () => {
  test.each([
    { label: "0.975 for 97.5 %", answer: "0.975", contains: "A fraction where a percentage is asked" },
    { label: "97.5 % written right is exact", answer: "97.5", verdict: "exact" },
  ])("$label", ({ answer, contains, verdict }) => {
    const result = grade(answer, evaluate("97.5 %"), { kind: "relative", within: 0.01 }, { expect: "%" });
    if (contains) expect(result.message).toContain(contains);
    if (verdict) expect(result.verdict).toBe(verdict);
  });
});

describe("a hit rate is graded through its miss rate (complement)", () => {
  const hitRate = evaluate("99.875 %");
  const complement: Tolerance = { kind: "ratio", full: 1.15, zero: 4, complement: true };
  test.each([
    { label: "the reference itself", answer: "99.875", score: 1, verdict: "exact" },
    { label: "99.88 %: a miss rate of 0.12 %, 4 % off", answer: "99.88", score: 1, verdict: "close" },
    { label: "99.9 %: a miss rate of 0.1 %, 20 % low", answer: "99.9", below: 1 },
    { label: "99.5 %: four times the misses", answer: "99.5", score: 0, verdict: "off" },
    { label: "99.75 %: twice the misses, partial credit", answer: "99.75", below: 1, above: 0 },
    { label: "100 %: no misses at all", answer: "100", score: 0, verdict: "off" },
  ])("$label", ({ answer, score, verdict, below, above }) => {
    const result = grade(answer, hitRate, complement, { expect: "%" });
    if (score !== undefined) expect(result.score).toBeCloseTo(score, 9);
    if (verdict !== undefined) expect(result.verdict).toBe(verdict);
    if (below !== undefined) expect(result.score).toBeLessThan(below);
    if (above !== undefined) expect(result.score).toBeGreaterThan(above);
  });

  test("without complement, 99.5 % against 99.875 % is full credit: the reason for the option", () => {
    expect(grade("99.5", hitRate, { kind: "ratio", full: 1.15, zero: 4 }, { expect: "%" }).score).toBe(1);
  });

  test("the message names both miss rates", () => {
    expect(grade("99.5", hitRate, complement, { expect: "%" }).message).toContain("0.5 % against 0.125 %");
  });
});

describe("a complement tolerance still grades a low rate on itself", () => {
  const lowHit = evaluate("1 %");
  const complement: Tolerance = { kind: "ratio", full: 1.15, zero: 4, complement: true };
  test.each([
    { label: "1 % itself", answer: "1", score: 1 },
    { label: "2 % for 1 %: the miss rates agree, the hit rates do not", answer: "2", below: 1 },
    { label: "4 % for 1 %: four times the hits", answer: "4", score: 0 },
  ])("$label", ({ answer, score, below }) => {
    const result = grade(answer, lowHit, complement, { expect: "%" });
    if (score !== undefined) expect(result.score).toBeCloseTo(score, 9);
    if (below !== undefined) expect(result.score).toBeLessThan(below);
  });
});

describe("content may ask for a complement", () => {
  test.each([
    {
      label: "complement on a ratio tolerance",
      input: { kind: "ratio", full: 1.15, zero: 4, complement: true },
      ok: true,
    },
    { label: "a ratio tolerance without it", input: { kind: "ratio", full: 1.15, zero: 4 }, ok: true },
    { label: "complement on an exact tolerance", input: { kind: "exact", complement: true }, ok: false },
    {
      label: "complement that is not a boolean",
      input: { kind: "ratio", full: 1.15, zero: 4, complement: "yes" },
      ok: false,
    },
  ])("$label", ({ input, ok }) => {
    expect(toleranceSchema.safeParse(input).success).toBe(ok);
  });
});
