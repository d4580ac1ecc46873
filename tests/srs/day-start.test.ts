import { describe, expect, test } from "vitest";
import { addDays, dayKey, dayStartInstant } from "@/lib/srs";

describe("dayStartInstant: when a learner's day begins", () => {
  test.each([
    { label: "UTC, 4 am", day: "2026-05-25", zone: "UTC", hour: 4, expected: "2026-05-25T04:00:00.000Z" },
    {
      label: "New York in summer (EDT)",
      day: "2026-07-01",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-07-01T08:00:00.000Z",
    },
    {
      label: "New York in winter (EST)",
      day: "2026-01-15",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-01-15T09:00:00.000Z",
    },
    {
      label: "New York, the night clocks go forward",
      day: "2026-03-08",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-03-08T08:00:00.000Z",
    },
    {
      label: "New York, the night clocks go back",
      day: "2026-11-01",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-11-01T09:00:00.000Z",
    },
    { label: "Tokyo, midnight", day: "2026-05-25", zone: "Asia/Tokyo", hour: 0, expected: "2026-05-24T15:00:00.000Z" },
    {
      label: "Kolkata (a half-hour offset)",
      day: "2026-05-25",
      zone: "Asia/Kolkata",
      hour: 4,
      expected: "2026-05-24T22:30:00.000Z",
    },
    // 2 am does not exist in New York on 2026-03-08: the day starts at the jump, 3 am EDT.
    {
      label: "a start hour the clocks skip",
      day: "2026-03-08",
      zone: "America/New_York",
      hour: 2,
      expected: "2026-03-08T07:00:00.000Z",
    },
  ])("$label → $expected", ({ day, zone, hour, expected }) => {
    expect(dayStartInstant(day, zone, hour).toISOString()).toBe(expected);
  });

  test.each([
    { zone: "UTC", hour: 4 },
    { zone: "America/New_York", hour: 4 },
    { zone: "Europe/London", hour: 1 },
    { zone: "Australia/Lord_Howe", hour: 2 },
    { zone: "America/Santiago", hour: 0 },
  ])("the inverse of dayKey over a year in $zone at $hour h", ({ zone, hour }) => {
    for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
      const start = dayStartInstant(day, zone, hour);
      expect(dayKey(start, zone, hour)).toBe(day);
      expect(dayKey(new Date(start.getTime() - 1), zone, hour)).toBe(addDays(day, -1));
    }
  });
});
