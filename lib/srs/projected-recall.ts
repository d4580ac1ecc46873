import { retrievability } from "./scheduler";
import type { CardState, SchedulerSettings } from "./types";

/** Recall expected on a date, over a learner's cards. */
export type ProjectedRecall = {
  /** mean FSRS retrievability on the date over the cards already learned, 0 to 1; null when none is */
  readonly average: number | null;
  /** cards learned (reviewed at least once) */
  readonly learned: number;
  /** cards never reviewed, left out of the average (there is no memory to project) */
  readonly unlearned: number;
};

/**
 * The recall to expect on `on` (the interview day) if no further review happens: each learned card's FSRS
 * retrievability R = (1 + factor · t / S)^decay at t = whole days since its last review, averaged. A lower bound when
 * reviews are planned before the date. New cards are counted apart, not as zero.
 * @see ts-fsrs `forgetting_curve` and `FSRS.get_retrievability`.
 * @example projectedRecall(cards, interviewDay, DEFAULT_SETTINGS) // { average: 0.87, learned: 120, unlearned: 30 }
 */
export function projectedRecall(cards: readonly CardState[], on: Date, settings: SchedulerSettings): ProjectedRecall {
  let sum = 0;
  let learned = 0;
  for (const card of cards) {
    if (card.state === "new") continue;
    sum += retrievability(card, on, settings);
    learned++;
  }
  return { average: learned ? sum / learned : null, learned, unlearned: cards.length - learned };
}
