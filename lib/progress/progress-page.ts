import "server-only";
import { listCaseResults, type CaseResultView } from "./case-runs";
import { course } from "./course";
import { dashboardOf, readCalibrationRanges, readDrillRuns, readYearOfReviews, type Dashboard } from "./dashboard";
import { db } from "./db";
import { readDeckDues, readDeckRows } from "./deck-rows";
import { countNewCardsIntroducedToday } from "./new-cards";
import { summaryOfDeck } from "./review-queue";
import { getSettings } from "./settings";
import { groupMissesBySkill, type SkillMisses } from "./skill-misses";
import { learnerDayOf, readAnsweredSteps, readCaseRuns, readinessOf, type Readiness } from "./study-plan";

/** A weak skill with the lessons of the exercises where it was missed, most misses first (content since removed left out). */
export type WeakSkill = SkillMisses & { lessonIds: string[] };

export type ProgressPage = {
  dashboard: Dashboard;
  /** the five weakest skills, as listWeakSkills gives them, each with its lessons */
  weakest: WeakSkill[];
  caseResults: (CaseResultView & { caseId: string })[];
  /** null without an interview date */
  readiness: Readiness | null;
};

/**
 * Everything the progress page shows for a learner at `now`, the same as getDashboard, listWeakSkills,
 * listCaseResults and getReadiness give, with the rows they share read once: the settings, the deck, the lessons
 * done and the answered steps (which the accuracy chart, the weakest skills and the plan all count).
 */
export async function getProgressPage(userId: string, now: Date): Promise<ProgressPage> {
  const settings = await getSettings(userId);
  const withDate = settings.interviewDay !== null;
  const [lessons, deck, steps, reviews, runs, ranges, introducedToday, caseResults, caseRuns] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId }, select: { lessonId: true, completedAt: true } }),
    // The readiness forecast needs each card's whole state; the charts only when cards are due.
    withDate
      ? readDeckRows(userId).then((rows) => ({ rows, states: rows }))
      : readDeckDues(userId).then((rows) => ({ rows, states: null })),
    readAnsweredSteps(userId),
    readYearOfReviews(userId, now),
    readDrillRuns(userId),
    readCalibrationRanges(userId),
    countNewCardsIntroducedToday(userId, now, settings),
    listCaseResults(userId),
    // Case runs only count for the plan to the interview date.
    withDate ? readCaseRuns(userId) : Promise.resolve([]),
  ]);
  const dashboard = dashboardOf(settings, now, {
    completedLessonIds: lessons.flatMap((row) => (row.completedAt ? [row.lessonId] : [])),
    reviews,
    cards: deck.rows,
    steps,
    runs,
    ranges,
    newLeftToday: summaryOfDeck(deck.rows, introducedToday, now, settings).leftToday,
  });
  const readiness = deck.states
    ? readinessOf(
        // Readiness plans from everything done so far: today's reviews and drills are not counted apart.
        {
          settings,
          ...learnerDayOf(settings, now),
          lessons,
          runs: caseRuns,
          steps,
          cards: deck.states,
          reviewedToday: [],
          drillsToday: new Set(),
        },
        deck.states,
      )
    : null;
  const weakest = groupMissesBySkill(steps, course.skill, 5).map((skill) => ({
    ...skill,
    lessonIds: skill.exerciseIds.flatMap((id) => course.lessonOfExercise(id) ?? []),
  }));
  return { dashboard, weakest, caseResults, readiness };
}
