import { describe, expect, test } from "vitest";
import { reviewHorizon } from "@/lib/srs";

const berlin = { timeZone: "Europe/Berlin", dayStartHour: 4, interviewDay: "2026-05-25" };

describe("reviewHorizon: the final pass on the eve of the interview", () => {
  test("without a date, cards count as due up to now", () => {
    const now = new Date("2026-05-24T12:00:00Z");
    expect(reviewHorizon(now, { ...berlin, interviewDay: null }, 7)).toBe(now);
  });

  test("on the eve it reaches to the start of the eighth day after the interview, in the learner's zone", () => {
    // 24 May 12:00 UTC is 14:00 in Berlin (UTC+2): the learner's day is the 24th, the eve of the 25th.
    const horizon = reviewHorizon(new Date("2026-05-24T12:00:00Z"), berlin, 7);
    // 2 June 04:00 in Berlin is 02:00 UTC: cards due up to the end of 1 June (a week after) are in the pass.
    expect(horizon.toISOString()).toBe("2026-06-02T02:00:00.000Z");
  });

  test("the day cut decides which day is the eve: 03:00 on the 25th in Berlin is still the 24th", () => {
    const lateNight = new Date("2026-05-25T01:00:00Z");
    expect(reviewHorizon(lateNight, berlin, 7).getTime()).toBeGreaterThan(lateNight.getTime());
    const morning = new Date("2026-05-25T03:00:00Z");
    expect(reviewHorizon(morning, berlin, 7)).toBe(morning);
  });

  test("any other day, including the interview day and the days before the eve, leaves now", () => {
    for (const iso of [
      "2026-05-22T12:00:00Z",
      "2026-05-23T12:00:00Z",
      "2026-05-25T12:00:00Z",
      "2026-06-01T12:00:00Z",
    ]) {
      const now = new Date(iso);
      expect(reviewHorizon(now, berlin, 7), iso).toBe(now);
    }
  });
});
