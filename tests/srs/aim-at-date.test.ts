import { describe, expect, test } from "vitest";
import { capForDate, type CardState } from "@/lib/srs";

const DAY = 86_400_000;
const now = new Date("2026-05-01T04:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * DAY);

function card(scheduledDays: number, state: CardState["state"] = "review"): CardState {
  return {
    due: inDays(scheduledDays),
    stability: scheduledDays,
    difficulty: 5,
    scheduledDays,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state,
    lastReview: now,
  };
}

describe("capForDate: a review shortly before the interview", () => {
  test.each([
    { label: "due 20 days after a date 20 days out → the day before", days: 40, interview: 20, due: 19, sched: 19 },
    { label: "due one day after the date → the day before", days: 21, interview: 20, due: 19, sched: 19 },
    { label: "due exactly on the date → the day before", days: 20, interview: 20, due: 19, sched: 19 },
    { label: "due the day before already → unchanged", days: 19, interview: 20, due: 19, sched: 19 },
    { label: "due a week before → unchanged", days: 13, interview: 20, due: 13, sched: 13 },
    { label: "a year's interval, date in 3 days → in 2 days", days: 365, interview: 3, due: 2, sched: 2 },
  ])("$label", ({ days, interview, due, sched }) => {
    const capped = capForDate(card(days), now, inDays(interview));
    expect({ due: capped.due, scheduledDays: capped.scheduledDays }).toEqual({
      due: inDays(due),
      scheduledDays: sched,
    });
  });

  test("a lead of three days caps three days before", () => {
    expect(capForDate(card(40), now, inDays(20), 3).due).toEqual(inDays(17));
  });

  test.each([
    { label: "no interview date", c: card(40), interview: null },
    { label: "the review is on the day before the interview already", c: card(40), interview: inDays(1) },
    { label: "the interview has passed", c: card(40), interview: inDays(-5) },
    { label: "a learning card (minutes)", c: card(0, "learning"), interview: inDays(20) },
    { label: "a relearning card (minutes)", c: card(0, "relearning"), interview: inDays(20) },
  ])("unchanged: $label", ({ c, interview }) => {
    expect(capForDate(c, now, interview)).toBe(c);
  });

  test("the rest of the card's memory state is kept", () => {
    const before = card(40);
    const capped = capForDate(before, now, inDays(20));
    expect({ ...capped, due: before.due, scheduledDays: before.scheduledDays }).toEqual(before);
  });
});
