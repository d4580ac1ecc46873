import { describe, expect, test } from "vitest";
import { dayKey, daysBetween, isValidTimeZone } from "@/lib/srs";

describe("dayKey: the learner's day, cut in one place", () => {
  test.each([
    {
      label: "UTC, after the 4 am boundary",
      instant: "2026-05-10T05:00:00Z",
      zone: "UTC",
      hour: 4,
      expected: "2026-05-10",
    },
    {
      label: "UTC, before the 4 am boundary counts for the day before",
      instant: "2026-05-10T03:59:00Z",
      zone: "UTC",
      hour: 4,
      expected: "2026-05-09",
    },
    { label: "midnight boundary", instant: "2026-05-10T00:00:00Z", zone: "UTC", hour: 0, expected: "2026-05-10" },
    { label: "Tokyo is ahead", instant: "2026-05-10T20:00:00Z", zone: "Asia/Tokyo", hour: 4, expected: "2026-05-11" },
    // US clocks spring forward on 2026-03-08 at 2 am local time (07:00 UTC becomes 03:00 EDT).
    {
      label: "New York, 3:30 am EDT on the spring-forward night is still the 7th",
      instant: "2026-03-08T07:30:00Z",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-03-07",
    },
    {
      label: "New York, 4:00 am EDT on the spring-forward day starts the 8th",
      instant: "2026-03-08T08:00:00Z",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-03-08",
    },
    // US clocks fall back on 2026-11-01 at 2 am local time.
    {
      label: "New York, 3:59 am EST after falling back is still the 31st",
      instant: "2026-11-01T08:59:00Z",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-10-31",
    },
    {
      label: "New York, 4:00 am EST after falling back is the 1st",
      instant: "2026-11-01T09:00:00Z",
      zone: "America/New_York",
      hour: 4,
      expected: "2026-11-01",
    },
  ])("$label", ({ instant, zone, hour, expected }) => {
    expect(dayKey(new Date(instant), zone, hour)).toBe(expected);
  });

  test("daysBetween lists every day across a month end, inclusive", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  test.each([
    { zone: "Europe/Berlin", valid: true },
    { zone: "Mars/Olympus", valid: false },
  ])("isValidTimeZone($zone) is $valid", ({ zone, valid }) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
