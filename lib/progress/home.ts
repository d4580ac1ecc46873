import "server-only";
import { getLesson, lessonOfExercise, listCurriculum } from "@/lib/content";
import { course, fixedInProduction } from "./course";
import { db } from "./db";
import { countDueCards } from "./review-queue";

export type LessonLink = { id: string; title: string; order: number };
export type DrillLink = { id: string; title: string };

/** Where the learner left off: the lesson or the drill touched last. */
export type ResumePoint =
  { kind: "lesson"; lesson: LessonLink; at: Date } | { kind: "drill"; drill: DrillLink; at: Date; score: number };

export type HomeSummary = {
  /** True for an account with no lesson started, no answer and no card yet. */
  isNew: boolean;
  resume: ResumePoint | null;
  dueNow: number;
  /** The first lesson in course order that is not completed (and is not the one to resume), or null when all are. */
  nextLesson: LessonLink | null;
  /** The first lesson of the course and a first drill, for an empty account. */
  firstLesson: LessonLink | null;
  firstDrill: DrillLink | null;
};

/** The lessons that exist, in curriculum order (planned lessons without a page are left out). */
const writtenLessons: () => readonly LessonLink[] = fixedInProduction(() =>
  listCurriculum().flatMap((entry) => {
    const lesson = getLesson(entry.id);
    return lesson ? [{ id: lesson.id, title: lesson.title, order: entry.order }] : [];
  }),
);

/** The learner's last answers the home summary resumes from (see homeSummaryOf). */
export type LastAnswers = {
  lastLessonAttempt: { exerciseId: string; createdAt: Date } | null;
  lastDrillRun: { exerciseId: string; createdAt: Date; score: number } | null;
  /** true when the learner has answered anything at all */
  anyAttempt: boolean;
};

/** The learner's last lesson answer, last drill run, and whether they have answered anything: one statement. */
export async function readLastAnswers(userId: string): Promise<LastAnswers> {
  const [row] = await db().$queryRaw<
    {
      lessonExerciseId: string | null;
      lessonAt: Date | null;
      drillExerciseId: string | null;
      drillAt: Date | null;
      drillScore: number | null;
      anyAttempt: boolean;
    }[]
  >`
    SELECT l."exerciseId" AS "lessonExerciseId", l."createdAt" AS "lessonAt",
      d."exerciseId" AS "drillExerciseId", d."createdAt" AS "drillAt", d.score AS "drillScore",
      EXISTS (SELECT 1 FROM "Attempt" a WHERE a."userId" = ${userId}::uuid) AS "anyAttempt"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT "exerciseId", "createdAt" FROM "Attempt" WHERE "userId" = ${userId}::uuid AND source = 'lesson'
      ORDER BY "createdAt" DESC LIMIT 1
    ) AS l ON true
    LEFT JOIN LATERAL (
      SELECT "exerciseId", "createdAt", score FROM "Attempt" WHERE "userId" = ${userId}::uuid AND source = 'drill'
      ORDER BY "createdAt" DESC LIMIT 1
    ) AS d ON true`;
  return {
    lastLessonAttempt:
      row?.lessonExerciseId && row.lessonAt ? { exerciseId: row.lessonExerciseId, createdAt: row.lessonAt } : null,
    lastDrillRun:
      row?.drillExerciseId && row.drillAt && row.drillScore !== null
        ? { exerciseId: row.drillExerciseId, createdAt: row.drillAt, score: row.drillScore }
        : null,
    anyAttempt: row?.anyAttempt ?? false,
  };
}

/** What the signed-in home page offers next, for one learner at `now`. */
export async function getHomeSummary(userId: string, now: Date): Promise<HomeSummary> {
  const [progress, answers, anyCard, dueNow] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId }, select: { lessonId: true, startedAt: true, completedAt: true } }),
    readLastAnswers(userId),
    db().reviewCard.findFirst({ where: { userId }, select: { cardId: true } }),
    countDueCards(userId, now),
  ]);
  return homeSummaryOf(progress, answers, anyCard !== null, dueNow);
}

/**
 * The home summary from rows already read: the learner's lesson progress, their last answers, whether their deck
 * has a card, and how many cards are due now.
 */
export function homeSummaryOf(
  progress: readonly { lessonId: string; startedAt: Date; completedAt: Date | null }[],
  { lastLessonAttempt, lastDrillRun, anyAttempt }: LastAnswers,
  anyCard: boolean,
  dueNow: number,
): HomeSummary {
  const lessons = writtenLessons();
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const completed = new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.lessonId));

  // A lesson's last activity is when it was started or, if later, when one of its estimates was last answered.
  const answeredLesson = lastLessonAttempt ? lessonOfExercise(lastLessonAttempt.exerciseId) : null;
  let lessonResume: { lesson: LessonLink; at: Date } | null = null;
  for (const row of progress) {
    const lesson = byId.get(row.lessonId);
    if (!lesson || row.completedAt !== null) continue;
    const answeredAt =
      answeredLesson === row.lessonId && lastLessonAttempt ? lastLessonAttempt.createdAt : row.startedAt;
    const at = answeredAt > row.startedAt ? answeredAt : row.startedAt;
    if (!lessonResume || at > lessonResume.at) lessonResume = { lesson, at };
  }

  const drill = lastDrillRun ? course.drill(lastDrillRun.exerciseId) : null;
  const drillResume: ResumePoint | null =
    drill && lastDrillRun
      ? {
          kind: "drill",
          drill: { id: drill.id, title: drill.exercise.title },
          at: lastDrillRun.createdAt,
          score: lastDrillRun.score,
        }
      : null;
  const resume: ResumePoint | null =
    lessonResume && (!drillResume || lessonResume.at >= drillResume.at)
      ? { kind: "lesson", ...lessonResume }
      : drillResume;

  const resumeLesson = resume?.kind === "lesson" ? resume.lesson.id : null;
  const firstDrill = course.drills().find((d) => !d.calibration) ?? null;
  return {
    isNew: progress.length === 0 && !anyAttempt && !anyCard,
    resume,
    dueNow,
    nextLesson: lessons.find((lesson) => !completed.has(lesson.id) && lesson.id !== resumeLesson) ?? null,
    firstLesson: lessons[0] ?? null,
    firstDrill: firstDrill ? { id: firstDrill.id, title: firstDrill.exercise.title } : null,
  };
}
