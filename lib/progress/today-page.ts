import "server-only";
import { db } from "./db";
import { readDeckDues } from "./deck-rows";
import { homeSummaryOf, readLastAnswers, type HomeSummary } from "./home";
import { countNewCardsIntroducedToday } from "./new-cards";
import { summaryOfDeck } from "./review-queue";
import { getSettings, type LearnerSettings } from "./settings";
import { readTodayRecords, todayPlanOf, type TodayPlan } from "./study-plan";

export type TodayPage = {
  settings: LearnerSettings;
  summary: HomeSummary;
  today: TodayPlan;
};

/**
 * Everything the today page shows for a learner at `now`, the same as getSettings, getHomeSummary and getTodayPlan
 * give, with the rows they share read once: the settings, the lessons started and the deck (which both the cards due
 * now and the plan's review days are counted from).
 */
export async function getTodayPage(userId: string, now: Date): Promise<TodayPage> {
  const settings = await getSettings(userId);
  const [lessons, deck, answers, introducedToday, records] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId }, select: { lessonId: true, startedAt: true, completedAt: true } }),
    readDeckDues(userId),
    readLastAnswers(userId),
    countNewCardsIntroducedToday(userId, now, settings),
    readTodayRecords(userId, now, settings),
  ]);
  const dueNow = summaryOfDeck(deck, introducedToday, now, settings).due;
  return {
    settings,
    summary: homeSummaryOf(lessons, answers, deck.length > 0, dueNow),
    today: todayPlanOf({ ...records, lessons, cards: deck }),
  };
}
