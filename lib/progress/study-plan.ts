import "server-only";
import { caseSteps, type CaseStep } from "@/lib/cases";
import { getDrill, listCaseEntries, listDrills, listLessons, stepTitle } from "@/lib/content";
import {
  planStudy,
  skillResults,
  type LearnerPlanState,
  type Plan,
  type PlanCatalogue,
  type PlanItem,
} from "@/lib/plan";
import { dayKey, dayStartInstant, projectedRecall, type ProjectedRecall } from "@/lib/srs";
import { serveVariant, type ServedVariant } from "./attempts";
import { cardSelect, cardStateOf, type CardRow } from "./card-codec";
import { course, fixedInProduction } from "./course";
import { db } from "./db";
import { randomSeed } from "./seed-token";
import { getSettings, type LearnerSettings } from "./settings";

/** A curveball has no budget of its own in a case file; five minutes is what the case page gives it in practice. */
export const CURVEBALL_MINUTES = 5;

/**
 * The planner's catalogue from the content: lessons with their module, order and minutes; each case with its steps
 * (the stages and the curveball) and the interview budget of each; each drill's skill. The same for every learner:
 * do not change it.
 */
export const courseCatalogue: () => PlanCatalogue = fixedInProduction(() => {
  return {
    lessons: listLessons().map(({ id, module, order, minutes }) => ({ id, module, order, minutes })),
    cases: listCaseEntries().map((entry) => ({
      id: entry.id,
      order: Number.parseInt(entry.basename, 10),
      steps: caseSteps(entry.curveball.after).map((step) => ({
        step,
        minutes: step === "curveball" ? CURVEBALL_MINUTES : entry.budgetMinutes[step],
      })),
    })),
    // Calibration drills ask for ranges: a daily plan practises point estimates.
    drills: listDrills()
      .filter((drill) => !drill.calibration)
      .map(({ id, skill }) => ({ id, skill })),
  };
});

/** The steps of a case run the learner has finished: every step before the current one, or all once it is done. */
function stepsDone(caseId: string, step: string): CaseStep[] {
  const entry = course.case(caseId);
  if (!entry) return [];
  const steps = caseSteps(entry.curveball.after);
  if (step === "done") return steps;
  const at = steps.indexOf(step as CaseStep);
  return at < 0 ? [] : steps.slice(0, at);
}

/** Everything the plan for one learner day is computed from, read in one go. */
export type LearnerRecords = {
  settings: LearnerSettings;
  today: string;
  dayStart: Date;
  lessons: { lessonId: string; completedAt: Date | null }[];
  runs: { caseId: string; step: string; stepSince: Date | null; completedAt: Date | null }[];
  steps: { exerciseId: string; verdict: string; createdAt: Date }[];
  cards: { cardId: string; due: Date; state: string; kind: string }[];
  /** distinct cards rated today (undone ratings left out) */
  reviewedToday: string[];
  /** drills answered today */
  drillsToday: Set<string>;
};

/** The learner's day at `now` by their settings, and the instant it began. */
export function learnerDayOf(settings: LearnerSettings, now: Date): { today: string; dayStart: Date } {
  const today = dayKey(now, settings.timeZone, settings.dayStartHour);
  return { today, dayStart: dayStartInstant(today, settings.timeZone, settings.dayStartHour) };
}

/** The case runs the plan counts finished steps from. */
export function readCaseRuns(userId: string): Promise<LearnerRecords["runs"]> {
  return db().caseRun.findMany({
    where: { userId },
    select: { caseId: true, step: true, stepSince: true, completedAt: true },
  });
}

/**
 * Every answered estimation step (blank and unreadable answers, and held steps, left out): what the weakest skills,
 * the plan's skill results and the accuracy chart are all counted from.
 */
export function readAnsweredSteps(userId: string): Promise<LearnerRecords["steps"]> {
  return db().$queryRaw<LearnerRecords["steps"]>`
    SELECT a."exerciseId", s->>'verdict' AS verdict, a."createdAt"
    FROM "Attempt" a, jsonb_array_elements(a.steps) s
    WHERE a."userId" = ${userId}::uuid AND coalesce(a.answers->>(s->>'id'), '') <> '' AND NOT (s ? 'held')
      AND s->>'verdict' <> 'unreadable'`;
}

async function readRecords(userId: string, now: Date): Promise<LearnerRecords> {
  const settings = await getSettings(userId);
  const [lessons, cards, today] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId }, select: { lessonId: true, completedAt: true } }),
    db().reviewCard.findMany({ where: { userId }, select: { cardId: true, due: true, state: true, kind: true } }),
    readTodayRecords(userId, now, settings),
  ]);
  return { ...today, lessons, cards };
}

/**
 * The learner's records but their lessons and cards (the caller has those): the settings' day at `now`, case runs,
 * answered steps, and the cards rated and drills answered today.
 */
export async function readTodayRecords(
  userId: string,
  now: Date,
  settings: LearnerSettings,
): Promise<Omit<LearnerRecords, "lessons" | "cards">> {
  const { today, dayStart } = learnerDayOf(settings, now);
  const [runs, steps, reviewed, drills] = await Promise.all([
    readCaseRuns(userId),
    readAnsweredSteps(userId),
    db().$queryRaw<{ cardId: string }[]>`
      SELECT DISTINCT l."cardId" FROM "ReviewLog" l
      WHERE l."userId" = ${userId}::uuid AND l."reviewedAt" >= ${dayStart} AND l.undoes IS NULL
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" u WHERE u."userId" = l."userId" AND u.undoes = l."clientId")`,
    db().attempt.findMany({
      where: { userId, source: "drill", createdAt: { gte: dayStart } },
      select: { exerciseId: true },
      distinct: ["exerciseId"],
    }),
  ]);
  return {
    settings,
    today,
    dayStart,
    runs,
    steps,
    reviewedToday: reviewed.map((row) => row.cardId),
    drillsToday: new Set(drills.map((row) => row.exerciseId)),
  };
}

/**
 * The learner's state for the planner. With `asOf` (the start of today), as it stood then: lessons completed, case
 * steps finished and answers given today are left out, and cards rated today count as due today. Today's plan is made
 * from that state, so doing an item ticks it off instead of pulling tomorrow's work forward; tomorrow's plan is made
 * from everything done by then. A case step counts as finished today when the run's current step began today (the
 * run keeps only its current step's start).
 */
function planState(records: LearnerRecords, asOf: Date | null): LearnerPlanState {
  const { settings } = records;
  const before = (at: Date | null) => at !== null && (asOf === null || at < asOf);
  // Cards added together share one due instant and an attempt's steps one answer time: each instant is cut into a
  // learner day once, not once per row.
  const days = new Map<number, string>();
  const learnerDay = (at: Date) => {
    const known = days.get(at.getTime());
    if (known !== undefined) return known;
    const day = dayKey(at, settings.timeZone, settings.dayStartHour);
    days.set(at.getTime(), day);
    return day;
  };
  const caseStepsDone: Record<string, string[]> = {};
  for (const run of records.runs) {
    const done = stepsDone(run.caseId, run.step);
    const movedToday = asOf !== null && (run.stepSince ?? run.completedAt ?? asOf) >= asOf;
    caseStepsDone[run.caseId] = movedToday ? done.slice(0, -1) : done;
  }
  const reviewedToday = new Set(asOf ? records.reviewedToday : []);
  return {
    completedLessons: records.lessons.filter((row) => before(row.completedAt)).map((row) => row.lessonId),
    caseStepsDone,
    skills: skillResults(
      records.steps
        .filter((step) => before(step.createdAt))
        .map((step) => ({ exerciseId: step.exerciseId, verdict: step.verdict, day: learnerDay(step.createdAt) })),
      course.skill,
    ),
    // A card rated today was due today (or before) when the day began, wherever its rating has moved it.
    cardDueDays: records.cards
      .filter((card) => card.kind !== "fact" || card.state !== "new" || reviewedToday.has(card.cardId))
      .map((card) => (reviewedToday.has(card.cardId) ? records.today : learnerDay(card.due))),
  };
}

export type TodayItem = {
  readonly item: PlanItem;
  readonly title: string;
  readonly href: string;
  readonly done: boolean;
  /** a second line: the module, the case's steps, the drill's skill, or how many cards are left */
  readonly detail: string;
};

export type TodayPlan = {
  readonly today: string;
  readonly plan: Plan;
  readonly items: readonly TodayItem[];
  readonly minutesPlanned: number;
  readonly minutesDone: number;
  readonly interviewDay: string | null;
  readonly minutesPerDay: number;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Today's plan for a learner at `now`: the plan made from their state at the start of the day, each item with its
 * link and whether it is done (a lesson completed, a case's steps finished, a drill answered today, the cards rated).
 * Computed on each request; only the settings are stored.
 */
export async function getTodayPlan(userId: string, now: Date): Promise<TodayPlan> {
  return todayPlanOf(await readRecords(userId, now));
}

/** getTodayPlan from the learner's records already read. */
export function todayPlanOf(records: LearnerRecords): TodayPlan {
  const { settings, today } = records;
  const plan = planStudy({
    catalogue: courseCatalogue(),
    learner: planState(records, records.dayStart),
    today,
    interviewDay: settings.interviewDay,
    minutesPerDay: settings.minutesPerDay,
  });
  const completed = new Set(records.lessons.filter((row) => row.completedAt).map((row) => row.lessonId));
  const runs = new Map(records.runs.map((run) => [run.caseId, new Set<string>(stepsDone(run.caseId, run.step))]));
  let reviewed = records.reviewedToday.length;
  const items = (plan.days[0]?.items ?? []).map((item): TodayItem => {
    switch (item.kind) {
      case "reviews":
      case "final-review": {
        const done = Math.min(reviewed, item.count);
        reviewed -= done;
        const left = item.count - done;
        return {
          item,
          title:
            item.kind === "reviews"
              ? `Review ${plural(item.count, "card")}`
              : `Final pass: ${plural(item.count, "card")}`,
          href: "/review",
          done: left === 0,
          detail:
            left === 0
              ? "All reviewed."
              : item.kind === "final-review"
                ? `The cards due in the week after your interview, reviewed now. ${left} left.`
                : `${left} left${item.deferred ? `; ${item.deferred} more moved to the next days so today stays light` : ""}.`,
        };
      }
      case "lesson": {
        const lesson = course.lesson(item.lessonId);
        return {
          item,
          title: lesson?.title ?? item.lessonId,
          href: `/learn/${item.lessonId}`,
          done: completed.has(item.lessonId),
          detail: `Lesson ${lesson?.order ?? ""} · ${item.module === "estimation" ? "Estimation" : item.module === "building-blocks" ? "Building blocks" : "Case studies"}`,
        };
      }
      case "case": {
        const entry = course.case(item.caseId);
        const finished = runs.get(item.caseId);
        return {
          item,
          title: entry?.title ?? item.caseId,
          href: `/cases/${item.caseId}`,
          done: item.steps.every((step) => finished?.has(step)),
          detail: item.timed ? "The whole case as a timed interview" : item.steps.map(stepTitle).join(", "),
        };
      }
      case "drill": {
        const drill = course.drill(item.drillId);
        return {
          item,
          title: drill?.exercise.title ?? item.drillId,
          href: `/practice/${item.drillId}`,
          done: records.drillsToday.has(item.drillId),
          detail: `Drill · ${item.skill}`,
        };
      }
    }
  });
  const minutesPlanned = items.reduce((sum, entry) => sum + entry.item.minutes, 0);
  const minutesDone = items.reduce((sum, entry) => sum + (entry.done ? entry.item.minutes : 0), 0);
  return {
    today,
    plan,
    items,
    minutesPlanned,
    minutesDone,
    interviewDay: settings.interviewDay,
    minutesPerDay: settings.minutesPerDay,
  };
}

export type Readiness = {
  readonly interviewDay: string;
  readonly today: string;
  readonly plan: Plan;
  readonly lessons: { readonly done: number; readonly byTheDate: number; readonly total: number };
  readonly cases: { readonly done: number; readonly byTheDate: number; readonly total: number };
  /** FSRS retrievability of the learner's cards on the interview day if they review nothing more */
  readonly recall: ProjectedRecall;
  readonly desiredRetention: number;
};

/**
 * "Ready by the date?": the lessons and cases done, and done by the date if the plan is followed, and the recall of
 * the learner's cards projected to the interview day. Null without an interview date.
 */
export async function getReadiness(userId: string, now: Date): Promise<Readiness | null> {
  const records = await readRecords(userId, now);
  if (records.settings.interviewDay === null) return null;
  const cards = await db().reviewCard.findMany({ where: { userId }, select: cardSelect });
  return readinessOf(records, cards);
}

/**
 * getReadiness from rows already read: the learner's records (today's reviews and drills are not used) and their
 * deck with each card's state. Null without an interview date.
 */
export function readinessOf(records: LearnerRecords, deck: readonly CardRow[]): Readiness | null {
  const { settings, today } = records;
  if (settings.interviewDay === null) return null;
  const catalogue = courseCatalogue();
  const learner = planState(records, null);
  const plan = planStudy({
    catalogue,
    learner,
    today,
    interviewDay: settings.interviewDay,
    minutesPerDay: settings.minutesPerDay,
  });
  const planned = plan.days.flatMap((day) => day.items);
  const lessonsDone = new Set(learner.completedLessons).size;
  const casesDone = catalogue.cases.filter((entry) =>
    entry.steps.every((step) => learner.caseStepsDone[entry.id]?.includes(step.step)),
  ).length;
  const caseIdsPlanned = new Set(planned.flatMap((item) => (item.kind === "case" ? [item.caseId] : [])));
  const droppedCases = new Set(plan.dropped.cases.map((entry) => entry.caseId));
  const interviewAt = dayStartInstant(settings.interviewDay, settings.timeZone, settings.dayStartHour);
  return {
    interviewDay: settings.interviewDay,
    today,
    plan,
    lessons: {
      done: lessonsDone,
      byTheDate: lessonsDone + planned.filter((item) => item.kind === "lesson").length,
      total: catalogue.lessons.length,
    },
    cases: {
      done: casesDone,
      byTheDate: casesDone + [...caseIdsPlanned].filter((id) => !droppedCases.has(id)).length,
      total: catalogue.cases.length,
    },
    recall: projectedRecall(
      deck.map((row) => cardStateOf(row)),
      interviewAt,
      settings,
    ),
    desiredRetention: settings.desiredRetention,
  };
}

/**
 * The placement drill: one short estimate for each of the skills every case leans on (peak rate, storage, bandwidth,
 * server count), about five minutes in all. The answers are stored like any drill, so they rank the weakest skills.
 */
export const PLACEMENT_DRILLS = [
  "drill-dau-to-peak-qps",
  "drill-storage-per-day-and-retention",
  "drill-bandwidth-bits-and-bytes",
  "drill-server-count-headroom-regions",
] as const;

export type PlacementQuestionData = {
  drillId: string;
  skill: string;
  variant: ServedVariant;
};

/** The placement drill's questions, each a freshly seeded variant (drills no longer in the content are left out). */
export function placementQuestions(seed: () => number = randomSeed): PlacementQuestionData[] {
  return PLACEMENT_DRILLS.flatMap((id) => {
    const drill = getDrill(id);
    const variant = drill ? serveVariant(drill.id, seed()) : null;
    return drill && variant ? [{ drillId: drill.id, skill: drill.skill, variant }] : [];
  });
}
