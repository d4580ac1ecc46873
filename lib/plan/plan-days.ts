import { addDays, daysBetween } from "@/lib/srs";
import type { Plan, PlanCase, PlanDay, PlanDrill, PlanInput, PlanItem, PlanLesson, PlanStatus } from "./types";
import { DRILL_MINUTES, drillsForDay, rankDrills } from "./weak-skills";

/** A review takes about half a minute (a flashcard is quicker, an estimation step slower). */
export const MINUTES_PER_REVIEW = 0.5;

/** Reviews take at most this share of a day's minutes; the rest of a backlog moves to the following days. */
export const REVIEW_SHARE = 0.5;

/** The final pass reviews the cards that would come due within this many days after the interview. */
export const FINAL_PASS_DAYS = 7;

/** Estimation first, building blocks next, everything else (case-study lessons) after. */
const MODULE_RANK: Record<string, number> = { estimation: 0, "building-blocks": 1 };

type Unit =
  | { kind: "lesson"; lesson: PlanLesson; minutes: number }
  | { kind: "step"; case: PlanCase; step: string; minutes: number; firstLeft: boolean; caseMinutesLeft: number };

/** The lessons and case steps still to do, in the order to do them. */
function remainingUnits(input: PlanInput): Unit[] {
  const done = new Set(input.learner.completedLessons);
  const lessons = input.catalogue.lessons
    .filter((lesson) => !done.has(lesson.id))
    .sort(
      (a, b) =>
        (MODULE_RANK[a.module] ?? 2) - (MODULE_RANK[b.module] ?? 2) || a.order - b.order || a.id.localeCompare(b.id),
    )
    .map((lesson): Unit => ({ kind: "lesson", lesson, minutes: lesson.minutes }));
  // A case already started comes before the others, so it is finished before a new one begins.
  const started = (entry: PlanCase) => ((input.learner.caseStepsDone[entry.id]?.length ?? 0) > 0 ? 0 : 1);
  const cases = [...input.catalogue.cases]
    .sort((a, b) => started(a) - started(b) || a.order - b.order || a.id.localeCompare(b.id))
    .flatMap((entry): Unit[] => {
      const stepsDone = new Set(input.learner.caseStepsDone[entry.id] ?? []);
      const left = entry.steps.filter((s) => !stepsDone.has(s.step));
      const caseMinutesLeft = left.reduce((sum, s) => sum + s.minutes, 0);
      return left.map((s, i) => ({
        kind: "step",
        case: entry,
        step: s.step,
        minutes: s.minutes,
        firstLeft: i === 0,
        caseMinutesLeft,
      }));
    });
  return [...lessons, ...cases];
}

/**
 * Fill one day's learning budget from the front of `queue` (which it shortens). The day's first unit always goes in
 * (a day has at least one lesson or case step, even when it alone is longer than the budget); more go in while they
 * fit, and a case not yet started goes in only whole, so it can be done as one timed interview.
 */
function fillDay(queue: Unit[], budget: number): Unit[] {
  const placed: Unit[] = [];
  let left = budget;
  while (queue.length) {
    const next = queue[0];
    if (!next) break;
    if (placed.length) {
      const needed = next.kind === "step" && next.firstLeft ? next.caseMinutesLeft : next.minutes;
      if (needed > left) break;
    }
    placed.push(next);
    left -= next.minutes;
    queue.shift();
  }
  return placed;
}

/** Units of one day as plan items: a case's consecutive steps become one item, timed when they are the whole case. */
function itemsOf(units: readonly Unit[]): PlanItem[] {
  const items: PlanItem[] = [];
  for (const unit of units) {
    if (unit.kind === "lesson") {
      items.push({ kind: "lesson", lessonId: unit.lesson.id, module: unit.lesson.module, minutes: unit.minutes });
      continue;
    }
    const last = items[items.length - 1];
    if (last?.kind === "case" && last.caseId === unit.case.id) {
      const steps = [...last.steps, unit.step];
      items[items.length - 1] = {
        ...last,
        steps,
        timed: steps.length === unit.case.steps.length,
        minutes: last.minutes + unit.minutes,
      };
    } else {
      items.push({
        kind: "case",
        caseId: unit.case.id,
        steps: [unit.step],
        timed: unit.case.steps.length === 1,
        minutes: unit.minutes,
      });
    }
  }
  return items;
}

const reviewMinutes = (count: number) => Math.ceil(count * MINUTES_PER_REVIEW);
const drillMinutes = (drill: PlanDrill) => drill.minutes ?? DRILL_MINUTES;
const sumMinutes = (items: readonly { minutes: number }[]) => items.reduce((sum, item) => sum + item.minutes, 0);

/**
 * The study plan for each day from `today` to the day before the interview (or, without a date, until the last lesson
 * and case are planned): each day the reviews due, a lesson or case (more than one when the minutes allow), and two or
 * three drills from the weakest skills, with minutes for each.
 *
 * Lessons start today, estimation first and building blocks next; case studies, as timed interviews (a whole case in
 * one sitting when it fits the day), take the last days before the final one; the day before the interview is a final
 * review pass with nothing new. The plan is made again every day from what is left, so a missed day shifts it instead of
 * piling it onto one day: reviews take at most REVIEW_SHARE of a day's minutes (the rest of a backlog moves on), and a
 * second lesson or case goes into a day only while it fits. When the date is too close for everything, lessons keep
 * their order, at least one timed case stays when there are two days or more to learn in, and the plan lists what it
 * dropped. Pure: no clock, no database; days are YYYY-MM-DD keys as lib/srs cuts them.
 * @example planStudy({ catalogue, learner, today: "2026-05-04", interviewDay: "2026-05-25", minutesPerDay: 60 })
 */
export function planStudy(input: PlanInput): Plan {
  // Settings are validated where they are read; a non-number here still plans (a minute a day), never loops or throws.
  const minutesPerDay = Number.isFinite(input.minutesPerDay) ? Math.max(1, input.minutesPerDay) : 1;
  const units = remainingUnits(input);
  const interviewDay = input.interviewDay !== null && input.interviewDay > input.today ? input.interviewDay : null;

  // Without a date, the plan runs until everything is placed (each day places at least one unit), at least today.
  const dayCount =
    interviewDay === null ? Math.max(1, units.length) : daysBetween(input.today, interviewDay).length - 1;
  const reviews = planReviews(input, minutesPerDay, dayCount);
  const budgets = reviews.map((r) => minutesPerDay - reviewMinutes(r.count) - 2 * DRILL_MINUTES);

  let placed: Unit[][];
  let leftover: Unit[];
  if (interviewDay === null) {
    const queue = [...units];
    const filled = fillDays(queue, budgets);
    placed = filled.slice(0, Math.max(1, daysUsed(filled)));
    leftover = queue;
  } else {
    const learningDays = dayCount - 1;
    const lessons = units.filter((unit) => unit.kind === "lesson");
    const cases = units.filter((unit) => unit.kind === "step");
    // The days the lessons need from today; the cases get the days between them and the final one (at least one
    // when there are two learning days, so a learner short of time still does one timed interview).
    const lessonDays = daysUsed(fillDays([...lessons], budgets.slice(0, learningDays)));
    let caseDays = Math.max(0, learningDays - lessonDays);
    if (learningDays >= 2 && cases.length) {
      // At least the days the first case needs, leaving the lessons one day.
      const firstCase = cases.filter((unit) => unit.kind === "step" && unit.case.id === cases[0]?.case.id);
      caseDays = Math.max(caseDays, Math.min(learningDays - 1, daysNeeded(firstCase, budgets, learningDays)));
    }
    // As few days as the cases need, right before the final day.
    const needed = cases.length ? Math.min(caseDays, daysNeeded(cases, budgets, learningDays)) : 0;
    const lessonQueue = [...lessons];
    const caseQueue = [...cases];
    const first = fillDays(lessonQueue, budgets.slice(0, learningDays - needed));
    const last = fillDays(caseQueue, budgets.slice(learningDays - needed, learningDays));
    placed = [...first, ...last, []];
    leftover = [...lessonQueue, ...caseQueue];
  }

  const ranked = rankDrills(input.catalogue.drills, input.learner.skills);
  const lastDay = interviewDay === null ? null : addDays(interviewDay, -1);
  let finishes: string | null = null;
  const days = placed.map((dayUnits, index): PlanDay => {
    const day = addDays(input.today, index);
    const final = day === lastDay;
    const { count, deferred } = reviews[index] ?? { count: 0, deferred: 0 };
    const items: PlanItem[] = [];
    if (count > 0) items.push({ kind: "reviews", count, deferred, minutes: reviewMinutes(count) });
    if (final) {
      const until = addDays(day, 1 + FINAL_PASS_DAYS);
      const passCount = input.learner.cardDueDays.filter((due) => due > day && due <= until).length;
      if (passCount > 0) items.push({ kind: "final-review", count: passCount, minutes: reviewMinutes(passCount) });
    }
    if (dayUnits.length) finishes = day;
    items.push(...itemsOf(dayUnits));
    const drillCount = minutesPerDay - sumMinutes(items) >= 3 * DRILL_MINUTES ? 3 : 2;
    for (const drill of drillsForDay(ranked, index, drillCount))
      items.push({ kind: "drill", drillId: drill.id, skill: drill.skill, minutes: drillMinutes(drill) });
    return { day, items, minutes: sumMinutes(items), final };
  });

  const dropped = {
    lessons: leftover.flatMap((unit) => (unit.kind === "lesson" ? [unit.lesson.id] : [])),
    cases: groupSteps(leftover),
  };
  const status: PlanStatus =
    units.length === 0 ? "done" : interviewDay === null ? "no-date" : leftover.length ? "too-close" : "on-track";
  return {
    status,
    message: messageFor(status, input, interviewDay, dropped, finishes, units),
    interviewDay,
    days,
    dropped,
    finishes,
  };
}

/**
 * Reviews for each of `dayCount` days from today: the cards due that day (today also every overdue card), at most
 * REVIEW_SHARE of the day's minutes; the rest is carried to the next day (`deferred`), so a backlog is spread out.
 */
function planReviews(input: PlanInput, minutesPerDay: number, dayCount: number): { count: number; deferred: number }[] {
  const dueOn = new Map<string, number>();
  let carried = 0;
  for (const due of input.learner.cardDueDays) {
    if (due <= input.today) carried++;
    else dueOn.set(due, (dueOn.get(due) ?? 0) + 1);
  }
  const capacity = Math.max(1, Math.floor((minutesPerDay * REVIEW_SHARE) / MINUTES_PER_REVIEW));
  return Array.from({ length: dayCount }, (_, index) => {
    const wanted = carried + (index === 0 ? 0 : (dueOn.get(addDays(input.today, index)) ?? 0));
    const count = Math.min(capacity, wanted);
    carried = wanted - count;
    return { count, deferred: carried };
  });
}

/** Fill day after day (one budget each) from the front of `queue`, which it shortens; empty days once it is empty. */
function fillDays(queue: Unit[], budgets: readonly number[]): Unit[][] {
  return budgets.map((budget) => fillDay(queue, budget));
}

/** How many days, counted back from the last learning day, `units` need (at most `learningDays`). */
function daysNeeded(units: readonly Unit[], budgets: readonly number[], learningDays: number): number {
  for (let k = 1; k < learningDays; k++) {
    const trial = [...units];
    fillDays(trial, budgets.slice(learningDays - k, learningDays));
    if (trial.length === 0) return k;
  }
  return learningDays;
}

/** How many days from the first hold something. */
function daysUsed(days: readonly Unit[][]): number {
  let used = 0;
  days.forEach((day, index) => {
    if (day.length) used = index + 1;
  });
  return used;
}

function groupSteps(units: readonly Unit[]): { caseId: string; steps: string[] }[] {
  const groups: { caseId: string; steps: string[] }[] = [];
  for (const unit of units) {
    if (unit.kind !== "step") continue;
    const last = groups[groups.length - 1];
    if (last?.caseId === unit.case.id) last.steps.push(unit.step);
    else groups.push({ caseId: unit.case.id, steps: [unit.step] });
  }
  return groups;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function messageFor(
  status: PlanStatus,
  input: PlanInput,
  interviewDay: string | null,
  dropped: Plan["dropped"],
  finishes: string | null,
  units: readonly Unit[],
): string {
  const lessonsLeft = units.filter((unit) => unit.kind === "lesson").length;
  const casesLeft = new Set(units.flatMap((unit) => (unit.kind === "step" ? [unit.case.id] : []))).size;
  const pastDate = input.interviewDay !== null && interviewDay === null ? "Your interview date has passed. " : "";
  if (status === "done") return `${pastDate}Every lesson and case is done: reviews and drills keep it fresh.`;
  if (status === "no-date")
    return `${pastDate}At ${input.minutesPerDay} minutes a day, ${plural(lessonsLeft, "lesson")} and ${plural(casesLeft, "case")} take until ${finishes}.`;
  const daysLeft = daysBetween(input.today, interviewDay ?? input.today).length - 1;
  const when = daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`;
  if (status === "on-track")
    return `Your interview is ${when}: everything fits, the last lesson or case on ${finishes}, then reviews and a final pass.`;
  const parts = [
    dropped.lessons.length ? plural(dropped.lessons.length, "lesson") : "",
    dropped.cases.length ? plural(dropped.cases.length, "case") : "",
  ].filter(Boolean);
  if (finishes === null)
    return `Your interview is ${when}: there is no time for new lessons, so the plan is reviews and a final pass, and drops ${parts.join(" and ")} (listed below).`;
  const kept = dropped.cases.length < casesLeft ? ", then a timed case" : "";
  return `Your interview is ${when}: not everything fits at ${input.minutesPerDay} minutes a day. The plan keeps the lessons in order (estimation first, building blocks next${kept}) and drops ${parts.join(" and ")} (listed below).`;
}
