import { describe, expect, test } from "vitest";
import { countIntroducedToday, newCardAllowance } from "@/lib/srs";

describe("newCardAllowance: new cards left today and waiting", () => {
  test.each([
    { label: "a fresh day, a full module", perDay: 20, introduced: 0, inDeck: 133, leftToday: 20, waiting: 113 },
    { label: "8 introduced already", perDay: 20, introduced: 8, inDeck: 125, leftToday: 12, waiting: 113 },
    { label: "the limit reached", perDay: 20, introduced: 20, inDeck: 113, leftToday: 0, waiting: 113 },
    {
      label: "over the limit (the limit was lowered today)",
      perDay: 5,
      introduced: 12,
      inDeck: 100,
      leftToday: 0,
      waiting: 100,
    },
    { label: "fewer new cards than the limit", perDay: 20, introduced: 0, inDeck: 7, leftToday: 7, waiting: 0 },
    { label: "a limit of zero", perDay: 0, introduced: 0, inDeck: 30, leftToday: 0, waiting: 30 },
    { label: "an empty deck", perDay: 20, introduced: 3, inDeck: 0, leftToday: 0, waiting: 0 },
  ])("$label → $leftToday left, $waiting waiting", ({ perDay, introduced, inDeck, leftToday, waiting }) => {
    expect(newCardAllowance(perDay, introduced, inDeck)).toEqual({
      perDay,
      introducedToday: introduced,
      leftToday,
      waiting,
    });
  });
});

describe("countIntroducedToday: first ratings in the learner's day", () => {
  const at = (iso: string) => new Date(iso);
  test.each([
    {
      label: "a rating this morning counts",
      ratings: [{ cardId: "a", reviewedAt: at("2026-04-01T05:00:00Z") }],
      now: "2026-04-01T10:00:00Z",
      zone: "UTC",
      expected: 1,
    },
    {
      label: "a rating before the 4 am day start belongs to yesterday",
      ratings: [{ cardId: "a", reviewedAt: at("2026-04-01T03:59:00Z") }],
      now: "2026-04-01T10:00:00Z",
      zone: "UTC",
      expected: 0,
    },
    {
      label: "one card rated twice counts once",
      ratings: [
        { cardId: "a", reviewedAt: at("2026-04-01T05:00:00Z") },
        { cardId: "a", reviewedAt: at("2026-04-01T06:00:00Z") },
      ],
      now: "2026-04-01T10:00:00Z",
      zone: "UTC",
      expected: 1,
    },
    // New York on 2026-03-08, the night the clocks spring forward: 07:30 UTC is 03:30 EDT, still the learner's 7 March.
    {
      label: "New York, 03:30 on the spring-forward night is still the day before",
      ratings: [{ cardId: "a", reviewedAt: at("2026-03-08T07:30:00Z") }],
      now: "2026-03-08T12:00:00Z",
      zone: "America/New_York",
      expected: 0,
    },
    {
      label: "New York, 04:00 EDT starts the day",
      ratings: [{ cardId: "a", reviewedAt: at("2026-03-08T08:00:00Z") }],
      now: "2026-03-08T12:00:00Z",
      zone: "America/New_York",
      expected: 1,
    },
    { label: "no ratings", ratings: [], now: "2026-04-01T10:00:00Z", zone: "UTC", expected: 0 },
  ])("$label → $expected", ({ ratings, now, zone, expected }) => {
    expect(countIntroducedToday(ratings, at(now), zone, 4)).toBe(expected);
  });
});
