// Answers as learners actually type them: sizes the way du -h prints them, units spelled out, magnitudes from the
// news, characters pasted from documents and chats, clock times, and the words people add around a figure.
import { describe, expect, test } from "vitest";
import { convert, evaluate, grade, parseQuantity, type Quantity } from "@/lib/engine";

function read(text: string, expectUnit?: string): { quantity: Quantity; read: string } {
  const result = parseQuantity(text, expectUnit === undefined ? {} : { expect: expectUnit });
  if (!result.ok) throw new Error(`expected “${text}” to parse: ${result.error}`);
  return result;
}

type Reading = { label: string; text: string; asked?: string; unit: string; value: number; echo: string };

/** One reading: the value in `unit`, and the echo the learner sees. */
function checkReading({ text, asked, unit, value, echo }: Reading): void {
  const { quantity, read: shown } = read(text, asked);
  expect(convert(quantity, unit)).toBeCloseTo(value, 9);
  expect(shown).toBe(echo);
}

describe("sizes written like du -h and -Xmx: on a data step the letter is a prefix of the unit asked", () => {
  test.each<Reading>([
    {
      label: "1.2T on a TB step",
      text: "1.2T",
      asked: "TB",
      unit: "TB",
      value: 1.2,
      echo: "read as 1.2 TB (T as in TB, not trillion)",
    },
    {
      label: "500M on a GB step",
      text: "500M",
      asked: "GB",
      unit: "MB",
      value: 500,
      echo: "read as 0.5 GB (M as in MB, not million)",
    },
    {
      label: "a space before the letter",
      text: "500 M",
      asked: "GB",
      unit: "MB",
      value: 500,
      echo: "read as 0.5 GB (M as in MB, not million)",
    },
    {
      label: "-Xmx512m",
      text: "512m",
      asked: "GB",
      unit: "MB",
      value: 512,
      echo: "read as 0.512 GB (m as in MB, not million)",
    },
    { label: "4G on an MB step", text: "4G", asked: "MB", unit: "GB", value: 4, echo: "read as 4,000 MB (G as in GB)" },
    {
      label: "64k on a byte step",
      text: "64k",
      asked: "B",
      unit: "KB",
      value: 64,
      echo: "read as 64,000 B (k as in KB, not thousand)",
    },
    { label: "2P on a TB step", text: "2P", asked: "TB", unit: "PB", value: 2, echo: "read as 2,000 TB (P as in PB)" },
    {
      label: "bits stay bits: 1.5G on a Gbps step",
      text: "1.5G",
      asked: "Gbps",
      unit: "Gbps",
      value: 1.5,
      echo: "read as 1.5 Gbps (G as in Gbps)",
    },
    {
      label: "a bandwidth in bytes: 500M on an MB/s step",
      text: "500M",
      asked: "MB/s",
      unit: "MB/s",
      value: 500,
      echo: "read as 500 MB/s (M as in MB, not million)",
    },
    {
      label: "binary stays binary: 512M on a GiB step",
      text: "512M",
      asked: "GiB",
      unit: "MiB",
      value: 512,
      echo: "read as 0.5 GiB (M as in MiB, not million)",
    },
    {
      label: "a time after the letter",
      text: "3T/day",
      asked: "TB/day",
      unit: "TB/day",
      value: 3,
      echo: "read as 3 TB/day (T as in TB, not trillion)",
    },
    {
      label: "the high end of a range",
      text: "30-80G",
      asked: "GB",
      unit: "GB",
      value: Math.sqrt(30 * 80),
      echo: "read as 30 to 80 GB (G as in GB)",
    },
    { label: "zero", text: "0T", asked: "TB", unit: "TB", value: 0, echo: "read as 0 TB (T as in TB, not trillion)" },
  ])("$label: “$text”", (row) => checkReading(row));

  test.each<Reading>([
    {
      label: "12k on a requests/s step",
      text: "12k",
      asked: "requests/s",
      unit: "requests/s",
      value: 12_000,
      echo: "read as 12,000 requests/s",
    },
    {
      label: "500M on a users step",
      text: "500M",
      asked: "users",
      unit: "users",
      value: 5e8,
      echo: "read as 500,000,000 users",
    },
    { label: "1.2T with no unit asked", text: "1.2T", unit: "", value: 1.2e12, echo: "read as 1,200,000,000,000" },
    {
      label: "a unit written after the letter keeps the count",
      text: "2k TB",
      asked: "TB",
      unit: "TB",
      value: 2000,
      echo: "read as 2,000 TB",
    },
    {
      label: "B is still bytes on a data step",
      text: "3B",
      asked: "GB",
      unit: "B",
      value: 3,
      echo: "read as 3×10^-9 GB",
    },
    {
      label: "bn is still billion on a data step",
      text: "3bn",
      asked: "B",
      unit: "GB",
      value: 3,
      echo: "read as 3,000,000,000 B",
    },
  ])("the count meaning stays: $label", (row) => checkReading(row));
});

describe("units spelled out and in the plural", () => {
  test.each<Reading>([
    { label: "megabytes", text: "500 megabytes", asked: "GB", unit: "MB", value: 500, echo: "read as 0.5 GB" },
    {
      label: "Megabytes, capitalised",
      text: "500 Megabytes",
      asked: "MB",
      unit: "MB",
      value: 500,
      echo: "read as 500 MB",
    },
    { label: "a gigabyte", text: "1 gigabyte", asked: "MB", unit: "GB", value: 1, echo: "read as 1,000 MB" },
    { label: "terabytes", text: "3 terabytes", asked: "TB", unit: "TB", value: 3, echo: "read as 3 TB" },
    { label: "kibibytes", text: "4 kibibytes", asked: "B", unit: "B", value: 4096, echo: "read as 4,096 B" },
    {
      label: "gigabits per second",
      text: "2 gigabits per second",
      asked: "Mbps",
      unit: "Gbps",
      value: 2,
      echo: "read as 2,000 Mbps",
    },
    { label: "megabits/s", text: "100 megabits/s", asked: "Mbps", unit: "Mbps", value: 100, echo: "read as 100 Mbps" },
    { label: "Gbits/s", text: "10 Gbits/s", asked: "Gbps", unit: "Gbps", value: 10, echo: "read as 10 Gbps" },
    { label: "Mbit/s", text: "10 Mbit/s", asked: "Mbps", unit: "Mbps", value: 10, echo: "read as 10 Mbps" },
    { label: "TBs", text: "3 TBs", asked: "TB", unit: "TB", value: 3, echo: "read as 3 TB" },
    { label: "GBs glued", text: "40GBs", asked: "GB", unit: "GB", value: 40, echo: "read as 40 GB" },
  ])("$label: “$text”", (row) => checkReading(row));
});

describe("magnitudes the way the news writes them", () => {
  test.each<Reading>([
    { label: "mil", text: "2.5mil", asked: "users", unit: "users", value: 2.5e6, echo: "read as 2,500,000 users" },
    { label: "mn", text: "2.5mn", asked: "users", unit: "users", value: 2.5e6, echo: "read as 2,500,000 users" },
    {
      label: "mln after a space",
      text: "2.5 mln",
      asked: "users",
      unit: "users",
      value: 2.5e6,
      echo: "read as 2,500,000 users",
    },
    { label: "MM", text: "2.5MM", asked: "users", unit: "users", value: 2.5e6, echo: "read as 2,500,000 users" },
    {
      label: "millions",
      text: "2.5 millions",
      asked: "users",
      unit: "users",
      value: 2.5e6,
      echo: "read as 2,500,000 users",
    },
    {
      label: "half a million",
      text: "half a million",
      asked: "users",
      unit: "users",
      value: 5e5,
      echo: "read as 500,000 users",
    },
    {
      label: "Half a billion",
      text: "Half a billion",
      asked: "requests/day",
      unit: "requests/day",
      value: 5e8,
      echo: "read as 500,000,000 requests/day",
    },
    {
      label: "a million with a label",
      text: "a million users",
      asked: "users",
      unit: "users",
      value: 1e6,
      echo: "read as 1,000,000 users",
    },
    {
      label: "about half a million",
      text: "about half a million",
      asked: "users",
      unit: "users",
      value: 5e5,
      echo: "read as 500,000 users",
    },
    { label: "an hour", text: "an hour", asked: "min", unit: "min", value: 60, echo: "read as 60 min" },
    {
      label: "bln",
      text: "3 bln",
      asked: "requests/day",
      unit: "requests/day",
      value: 3e9,
      echo: "read as 3,000,000,000 requests/day",
    },
  ])("$label: “$text”", (row) => checkReading(row));

  test.each([
    { label: "a word alone", text: "half" },
    { label: "an article alone", text: "a" },
    { label: "an article and a word that is no magnitude", text: "a lot" },
  ])("no number in words without a magnitude or unit: $label", ({ text }) => {
    const result = parseQuantity(text, { expect: "users" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("expected a number");
  });
});

describe("characters pasted from documents and chats", () => {
  const spaces = [
    { label: "no-break space U+00A0", char: "\u00a0" },
    { label: "en quad U+2000", char: "\u2000" },
    { label: "en space U+2002", char: "\u2002" },
    { label: "em space U+2003", char: "\u2003" },
    { label: "figure space U+2007", char: "\u2007" },
    { label: "punctuation space U+2008", char: "\u2008" },
    { label: "thin space U+2009", char: "\u2009" },
    { label: "hair space U+200A", char: "\u200a" },
    { label: "narrow no-break space U+202F", char: "\u202f" },
    { label: "medium mathematical space U+205F", char: "\u205f" },
    { label: "ideographic space U+3000", char: "\u3000" },
    { label: "ogham space mark U+1680", char: "\u1680" },
    { label: "line separator U+2028", char: "\u2028" },
    { label: "tab", char: "\t" },
  ];
  test.each(spaces)("$label reads as a space", ({ char }) => {
    const result = read(`46${char}k${char}requests${char}per${char}second`, "requests/s");
    expect(result.quantity.value).toBe(46_000);
    expect(result.read).toBe("read as 46,000 requests/s");
  });

  test.each(spaces)("$label around a range reads as a space", ({ char }) => {
    expect(read(`${char}30k${char}-${char}80k${char}`, "users").read).toBe("read as 30,000 to 80,000 users");
  });

  const invisibles = [
    { label: "zero-width space U+200B", char: "\u200b" },
    { label: "zero-width non-joiner U+200C", char: "\u200c" },
    { label: "zero-width joiner U+200D", char: "\u200d" },
    { label: "word joiner U+2060", char: "\u2060" },
    { label: "byte-order mark U+FEFF", char: "\ufeff" },
    { label: "soft hyphen U+00AD", char: "\u00ad" },
    { label: "left-to-right mark U+200E", char: "\u200e" },
    { label: "first-strong isolate U+2068", char: "\u2068" },
  ];
  test.each(invisibles)("$label is ignored, wherever it is", ({ char }) => {
    for (const text of [`${char}46k`, `4${char}6k`, `46${char}k`, `46k${char}`, `46 G${char}B`]) {
      const asked = text.includes("G") ? "GB" : "requests/s";
      const result = read(text, asked);
      expect(result.quantity.value, JSON.stringify(text)).toBe(text.includes("G") ? 46e9 : 46_000);
    }
  });

  test("an invisible character inside a wrong answer: the message is about the answer", () => {
    const result = parseQuantity("3\u200b TB", { expect: "ms" });
    expect(result).toEqual({
      ok: false,
      reason: "wrong-dimension",
      error: "Read 3 TB (data); this step asks for a time.",
    });
  });
});

describe("clock times on a step asked in a time, by the unit asked", () => {
  test.each<Reading>([
    {
      label: "m:ss on a seconds step",
      text: "1:30",
      asked: "s",
      unit: "s",
      value: 90,
      echo: "read as 90 s (1:30 as 1 min 30 s)",
    },
    {
      label: "m:ss on a minutes step",
      text: "1:30",
      asked: "min",
      unit: "s",
      value: 90,
      echo: "read as 1.5 min (1:30 as 1 min 30 s)",
    },
    {
      label: "m:ss on a milliseconds step",
      text: "0:02",
      asked: "ms",
      unit: "s",
      value: 2,
      echo: "read as 2,000 ms (0:02 as 0 min 2 s)",
    },
    {
      label: "h:mm on an hours step",
      text: "1:30",
      asked: "h",
      unit: "min",
      value: 90,
      echo: "read as 1.5 h (1:30 as 1 h 30 min)",
    },
    {
      label: "h:mm on a days step",
      text: "12:00",
      asked: "day",
      unit: "h",
      value: 12,
      echo: "read as 0.5 day (12:00 as 12 h 0 min)",
    },
    {
      label: "h:mm:ss on a seconds step",
      text: "1:30:00",
      asked: "s",
      unit: "s",
      value: 5400,
      echo: "read as 5,400 s (1:30:00 as 1 h 30 min 0 s)",
    },
    {
      label: "h:mm:ss on an hours step",
      text: "0:00:36",
      asked: "h",
      unit: "s",
      value: 36,
      echo: "read as 0.01 h (0:00:36 as 0 h 0 min 36 s)",
    },
    {
      label: "a decimal second",
      text: "0:45.5",
      asked: "s",
      unit: "s",
      value: 45.5,
      echo: "read as 45.5 s (0:45.5 as 0 min 45.5 s)",
    },
    {
      label: "a unit after the clock decides",
      text: "1:30 h",
      asked: "min",
      unit: "min",
      value: 90,
      echo: "read as 90 min (1:30 as 1 h 30 min)",
    },
    {
      label: "a leading zero",
      text: "01:05",
      asked: "s",
      unit: "s",
      value: 65,
      echo: "read as 65 s (01:05 as 1 min 5 s)",
    },
    {
      label: "approximately",
      text: "~1:30",
      asked: "s",
      unit: "s",
      value: 90,
      echo: "read as 90 s (1:30 as 1 min 30 s)",
    },
  ])("$label: “$text”", (row) => checkReading(row));

  test("a range of clock times", () => {
    const { quantity, read: shown } = read("1:30-2:00", "min");
    expect(quantity.range).toEqual({ low: 90, high: 120 });
    expect(shown).toBe("read as 1.5 to 2 min (1:30 as 1 min 30 s; 2:00 as 2 min 0 s)");
  });

  test.each([
    { label: "one digit after the colon", text: "1:3" },
    { label: "sixty or more after the colon", text: "1:75" },
    { label: "a decimal before the colon", text: "1.5:30" },
    { label: "four fields", text: "1:00:00:00" },
    { label: "three digits after the colon", text: "1:300" },
  ])("never a ratio on a time step: $label (“$text”) is unreadable", ({ text }) => {
    for (const asked of ["s", "min", "h"]) {
      const result = parseQuantity(text, { expect: asked });
      expect(result.ok, `${text} on ${asked}`).toBe(false);
      expect(!result.ok && result.error).toContain("is not a clock time");
    }
  });

  test.each([
    { label: "a plain number step", text: "7.5:1", asked: "", value: 7.5 },
    { label: "a rate step", text: "1:30", asked: "requests/s", value: 1 / 30 },
    { label: "no unit asked", text: "1:30", asked: undefined, value: 1 / 30 },
  ])("outside time steps the ratio stays: $label", ({ text, asked, value }) => {
    expect(read(text, asked).quantity.value).toBeCloseTo(value, 12);
  });
});

describe("rates and the words around a figure", () => {
  test.each<Reading>([
    {
      label: "capital S for seconds",
      text: "34.7MB/S",
      asked: "MB/s",
      unit: "MB/s",
      value: 34.7,
      echo: "read as 34.7 MB/s",
    },
    { label: "per 24 h, glued", text: "3TB/24h", asked: "TB/day", unit: "TB/day", value: 3, echo: "read as 3 TB/day" },
    {
      label: "per 24 h, spaced",
      text: "3 TB / 24 h",
      asked: "TB/day",
      unit: "TB/day",
      value: 3,
      echo: "read as 3 TB/day",
    },
    { label: "per 24 h with no unit asked", text: "3 TB/24h", unit: "TB/day", value: 3, echo: "read as 3 TB/24 h" },
    {
      label: "per 30 days",
      text: "$900 per 30 days",
      asked: "$/month",
      unit: "$/month",
      value: 900,
      echo: "read as $900/month",
    },
    { label: "daily", text: "3 TB daily", asked: "TB/day", unit: "TB/day", value: 3, echo: "read as 3 TB/day" },
    {
      label: "hourly, count",
      text: "36k hourly",
      asked: "requests/s",
      unit: "requests/s",
      value: 10,
      echo: "read as 10 requests/s",
    },
    {
      label: "Monthly, capitalised",
      text: "$500 Monthly",
      asked: "$/month",
      unit: "$/month",
      value: 500,
      echo: "read as $500/month",
    },
    {
      label: "peak after a unit",
      text: "12k QPS peak",
      asked: "requests/s",
      unit: "requests/s",
      value: 12_000,
      echo: "read as 12,000 requests/s",
    },
    {
      label: "peak after a bare number",
      text: "12k peak",
      asked: "requests/s",
      unit: "requests/s",
      value: 12_000,
      echo: "read as 12,000 requests/s",
    },
    { label: "avg", text: "150 ms avg", asked: "ms", unit: "ms", value: 150, echo: "read as 150 ms" },
    {
      label: "average, with a full stop",
      text: "150 ms average.",
      asked: "ms",
      unit: "ms",
      value: 150,
      echo: "read as 150 ms",
    },
    {
      label: "Peak after a range",
      text: "30k-80k Peak",
      asked: "users",
      unit: "users",
      value: Math.sqrt(30e3 * 80e3),
      echo: "read as 30,000 to 80,000 users",
    },
  ])("$label: “$text”", (row) => checkReading(row));

  test.each([
    { label: "a qualifier is no unit in the middle", text: "12k peak QPS", error: "could not read “QPS”" },
    { label: "a number after the slash with no unit", text: "46k/2", error: "could not read “/2”" },
    { label: "a per-number with a word that is no unit", text: "3 TB/24 bananas", error: "“bananas” is not a unit" },
    { label: "a capital S is seconds only after a slash", text: "3 S", error: "“S” is not a unit" },
  ])("still unreadable: $label", ({ text, error }) => {
    const result = parseQuantity(text, { expect: "requests/s" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(error);
  });
});

describe("a rejected answer's message stays short, whatever was typed", () => {
  const long = 10_000;
  test.each([
    { label: "letters", text: "a".repeat(long), names: "expected a number where it says" },
    { label: "a number then letters", text: `46k ${"x".repeat(long)}`, names: "is not a unit Envelope knows" },
    { label: "a number then symbols", text: `46k ${"#".repeat(long)}`, names: "then could not read “####" },
    { label: "digits with a decimal comma", text: `1,${"2".repeat(long)}`, names: "commas separate thousands" },
    { label: "a division by zero", text: `1/${"0".repeat(long)}`, names: "divides by zero" },
    { label: "digits too many", text: "9".repeat(long), names: "too large" },
    { label: "emoji", text: "😀".repeat(long / 2), names: "expected a number where it says “😀”" },
    { label: "a range with a bad end", text: `30k-${"z".repeat(long)}`, names: "expected a number where it says" },
    { label: "a unit that goes on", text: `3 TB${"/day".repeat(long / 4)}`, names: "Read 3 TB/day/day" },
    { label: "a clock that goes on", text: `1:${"3".repeat(long)}`, names: "is not a clock time" },
  ])("$label: 10,000 characters", ({ text, names }) => {
    for (const asked of ["$/GB/month", "s", "requests/s"]) {
      const result = parseQuantity(text, { expect: asked });
      if (result.ok) continue; // "1:333…" is a ratio outside time steps
      expect(result.error.length, result.error).toBeLessThanOrEqual(200);
      expect(result.error).toContain(names);
      expect(result.error).toContain("…");
    }
  });
});

describe("grading reads answers the same way", () => {
  test.each([
    {
      label: "a size letter",
      answer: "500M",
      truth: "0.5 GB",
      asked: "GB",
      read: "read as 0.5 GB (M as in MB, not million)",
    },
    { label: "a clock time", answer: "1:30", truth: "90 s", asked: "s", read: "read as 90 s (1:30 as 1 min 30 s)" },
    {
      label: "a pasted thin space",
      answer: "46\u2009k",
      truth: "46000 requests/s",
      asked: "requests/s",
      read: "read as 46,000 requests/s",
    },
    { label: "news magnitudes", answer: "2.5MM", truth: "2.5M users", asked: "users", read: "read as 2,500,000 users" },
    {
      label: "a trailing peak",
      answer: "12k QPS peak",
      truth: "12000 requests/s",
      asked: "requests/s",
      read: "read as 12,000 requests/s",
    },
  ])("$label: “$answer” scores full marks", ({ answer, truth, asked, read: shown }) => {
    const result = grade(answer, evaluate(truth), undefined, { expect: asked });
    expect(result.verdict).toBe("exact");
    expect(result.score).toBe(1);
    expect(result.read).toBe(shown);
  });

  test("a 10,000-character answer gets a short message from the grader too", () => {
    const result = grade(`46k ${"x".repeat(10_000)}`, evaluate("46000 requests/s"), undefined, {
      expect: "requests/s",
    });
    expect(result.verdict).toBe("unreadable");
    expect(result.message.length).toBeLessThanOrEqual(200);
  });
});
