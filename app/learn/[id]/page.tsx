import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonEnd, LessonStateProvider, MissingPrerequisites } from "@/components/lesson/lesson-state";
import { LessonContent, type LessonEstimate } from "@/components/mdx/lesson-content";
import { MODULES, compileLesson, getLesson, listLessons } from "@/lib/content";
import { serveQuestions, serveVariant } from "@/lib/progress";

type Props = { params: Promise<{ id: string }> };

/** Every lesson is rendered at build time, the same for everyone; a lesson id not in the content is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): { id: string }[] {
  return listLessons().map((lesson) => ({ id: lesson.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).id);
  return lesson ? { title: lesson.title, description: lesson.summary } : { title: "Lesson not found" };
}

/**
 * A lesson, prerendered: its text, and its exercises at the lesson's own numbers (seed 0, the same for everyone). The
 * learner's part (last answers, completion, prerequisites not yet done) is fetched by the browser
 * (components/lesson/lesson-state.tsx), so the page costs what a static file costs.
 */
export default async function LessonPage({ params }: Props) {
  const { id } = await params;
  const lesson = getLesson(id);
  if (!lesson) notFound();
  const compiled = await compileLesson(lesson);

  const estimates: Record<string, LessonEstimate> = {};
  for (const exerciseId of compiled.estimates) {
    const variant = serveVariant(exerciseId, 0);
    if (variant) estimates[exerciseId] = variant;
  }
  // Judgement questions and audits: the questions only; answers come with the verdict.
  const questions = await serveQuestions(null, [...compiled.judgements, ...compiled.audits], "lesson");

  const lessons = listLessons();
  const index = lessons.findIndex((l) => l.id === id);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <LessonStateProvider lessonId={lesson.id}>
      <article className="mx-auto max-w-3xl">
        <header className="space-y-2 border-b border-border pb-6">
          <p className="text-sm font-medium text-muted">
            <Link href="/learn" className="underline">
              {MODULES[lesson.module].title}
            </Link>{" "}
            · Lesson {lesson.order} · {lesson.minutes} min
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
          <p className="text-lg text-muted">{lesson.summary}</p>
          <MissingPrerequisites />
        </header>
        <div className="lesson-prose mt-6">
          <LessonContent code={compiled.code} estimates={estimates} questions={questions} />
        </div>
        <footer className="mt-10 space-y-6 border-t border-border pt-6">
          <LessonEnd lessonId={lesson.id} />
          <nav aria-label="Lessons" className="flex flex-wrap justify-between gap-3">
            {previous ? (
              <Link href={`/learn/${previous.id}`} className="btn-secondary">
                ← {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={`/learn/${next.id}`} className="btn-primary">
                Next: {next.title} →
              </Link>
            ) : (
              <Link href="/learn" className="btn-primary">
                Back to all lessons
              </Link>
            )}
          </nav>
        </footer>
      </article>
    </LessonStateProvider>
  );
}
