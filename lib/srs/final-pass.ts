import { addDays, dayKey, dayStartInstant } from "./day";

/** Where the learner's days are cut, and the interview day if they set one. */
export type DayCut = { readonly timeZone: string; readonly dayStartHour: number; readonly interviewDay: string | null };

/**
 * The instant up to which a card counts as due at `now`. Normally `now`; on the last day before the interview (the
 * plan's final pass) it reaches to the end of the `passDays` days after the interview, so the cards that would come
 * due just after it are reviewed the day before instead. Reviewing a card early is what FSRS handles as a short
 * elapsed interval: its stability grows less than on time, and its recall on the day is highest.
 * @example reviewHorizon(eveOfInterview, { timeZone: "UTC", dayStartHour: 4, interviewDay: "2026-05-25" }, 7)
 *   // 2026-06-02T04:00Z: cards due up to the week after the interview are in the final pass
 */
export function reviewHorizon(now: Date, cut: DayCut, passDays: number): Date {
  if (cut.interviewDay === null) return now;
  if (dayKey(now, cut.timeZone, cut.dayStartHour) !== addDays(cut.interviewDay, -1)) return now;
  return dayStartInstant(addDays(cut.interviewDay, passDays + 1), cut.timeZone, cut.dayStartHour);
}
