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

/** What the signed-in home page offers next, for one learner at `now`. */
export async function getHomeSummary(userId: string, now: Date): Promise<HomeSummary> {
  const [progress, lastLessonAttempt, lastDrillRun, anyAttempt, anyCard, dueNow] = await Promise.all([
    db().lessonProgress.findMany({ where: { userId }, select: { lessonId: true, startedAt: true, completedAt: true } }),
    db().attempt.findFirst({
      where: { userId, source: "lesson" },
      orderBy: { createdAt: "desc" },
      select: { exerciseId: true, createdAt: true },
    }),
    db().attempt.findFirst({
      where: { userId, source: "drill" },
      orderBy: { createdAt: "desc" },
      select: { exerciseId: true, createdAt: true, score: true },
    }),
    db().attempt.findFirst({ where: { userId }, select: { clientId: true } }),
    db().reviewCard.findFirst({ where: { userId }, select: { cardId: true } }),
    countDueCards(userId, now),
  ]);

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
    isNew: progress.length === 0 && anyAttempt === null && anyCard === null,
    resume,
    dueNow,
    nextLesson: lessons.find((lesson) => !completed.has(lesson.id) && lesson.id !== resumeLesson) ?? null,
    firstLesson: lessons[0] ?? null,
    firstDrill: firstDrill ? { id: firstDrill.id, title: firstDrill.exercise.title } : null,
  };
}
