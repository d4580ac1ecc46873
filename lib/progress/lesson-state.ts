import "server-only";
import { compileLesson, listLessons, type LessonMeta } from "@/lib/content";
import { getLatestAttempt } from "./attempt-records";
import { listLessonProgress } from "./lessons";
import { serveQuestions } from "./question-views";
import type { LessonStateResponseBody, PreviousAttempt } from "./responses";

/**
 * The learner's own part of a lesson page, which is otherwise prerendered the same for everyone: whether they completed
 * it, which of its prerequisites they have not, their last answer to each exercise at the lesson's numbers (seed 0),
 * and their last answer to each judgement question and audit.
 */
export async function getLessonState(userId: string, lesson: LessonMeta): Promise<LessonStateResponseBody> {
  const compiled = await compileLesson(lesson);
  const [progress, latest, questions] = await Promise.all([
    listLessonProgress(userId),
    Promise.all(compiled.estimates.map((id) => getLatestAttempt(userId, id, "lesson"))),
    serveQuestions(userId, [...compiled.judgements, ...compiled.audits], "lesson"),
  ]);

  const estimates: Record<string, PreviousAttempt> = {};
  compiled.estimates.forEach((exerciseId, index) => {
    const found = latest[index];
    if (!found || found.attempt.seed !== 0) return;
    estimates[exerciseId] = {
      answers: found.attempt.answers,
      grade: found.grade,
      createdAt: found.attempt.createdAt.toISOString(),
      work: found.attempt.work,
    };
  });

  const done = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  const lessons = listLessons();
  const missingPrerequisites = lesson.prerequisites
    .filter((id) => !done.has(id))
    .flatMap((id) => {
      const found = lessons.find((l) => l.id === id);
      return found ? [{ id: found.id, title: found.title }] : [];
    });

  return {
    completed: done.has(lesson.id),
    missingPrerequisites,
    estimates,
    questions: Object.fromEntries(
      Object.entries(questions).map(([id, served]) => [
        id,
        { previous: served.previous, fixPrevious: served.fixPrevious },
      ]),
    ),
  };
}
