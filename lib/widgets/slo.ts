/**
 * An availability SLO over a rolling window: the error budget in minutes, what incidents burn, and the burn rate an
 * alert watches (the rate of budget spend relative to spending it evenly over the window).
 */

export type Incident = {
  /** day of the window the incident starts on (0 = first day) */
  day: number;
  /** minutes of full outage (or their equivalent: 30 minutes at 50 % errors count as 15) */
  minutes: number;
};

export type Budget = {
  /** the window's minutes */
  windowMinutes: number;
  /** minutes of full outage the target allows in the window */
  budgetMinutes: number;
  burnedMinutes: number;
  /** share of the budget burned, 0 or more (above 1 the SLO is missed) */
  burnedShare: number;
  remainingMinutes: number;
};

const MINUTES_PER_DAY = 24 * 60;

function checkTarget(target: number): void {
  if (!(target > 0 && target < 1)) throw new RangeError("An availability target lies strictly between 0 and 100 %.");
}

export function errorBudget(target: number, windowDays: number, incidents: readonly Incident[]): Budget {
  checkTarget(target);
  if (!(windowDays > 0)) throw new RangeError("A window lasts at least one day.");
  const windowMinutes = windowDays * MINUTES_PER_DAY;
  const budgetMinutes = (1 - target) * windowMinutes;
  const burnedMinutes = incidents.reduce((sum, incident) => {
    if (!(incident.minutes >= 0)) throw new RangeError("An incident lasts zero or more minutes.");
    return sum + incident.minutes;
  }, 0);
  return {
    windowMinutes,
    budgetMinutes,
    burnedMinutes,
    burnedShare: burnedMinutes / budgetMinutes,
    remainingMinutes: budgetMinutes - burnedMinutes,
  };
}

/**
 * Burn rate of an error rate against the target: 1 spends the budget exactly over the window; 14.4 spends 2 % of a
 * 30-day budget in one hour (the fast-burn page of the SRE workbook).
 */
export function burnRate(errorRate: number, target: number): number {
  checkTarget(target);
  if (!(errorRate >= 0 && errorRate <= 1)) throw new RangeError("An error rate runs from 0 to 100 %.");
  return errorRate / (1 - target);
}

/** How long a burn rate takes to spend the whole budget of a window, in hours. */
export function hoursToExhaust(rate: number, windowDays: number): number {
  return rate > 0 ? (windowDays * 24) / rate : Infinity;
}

/** The budget remaining at the end of each day of the window, as a share of the budget (negative once overspent). */
export function budgetByDay(
  target: number,
  windowDays: number,
  incidents: readonly Incident[],
): { day: number; remainingShare: number }[] {
  const { budgetMinutes } = errorBudget(target, windowDays, incidents);
  let burned = 0;
  const days: { day: number; remainingShare: number }[] = [];
  for (let day = 0; day < windowDays; day++) {
    for (const incident of incidents) if (Math.floor(incident.day) === day) burned += incident.minutes;
    days.push({ day: day + 1, remainingShare: 1 - burned / budgetMinutes });
  }
  return days;
}
