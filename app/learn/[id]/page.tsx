import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonTracker } from "@/components/lesson/lesson-tracker";
import { LessonContent, type LessonEstimate } from "@/components/mdx/lesson-content";
import { getCurrentUser } from "@/lib/auth";
import { MODULES, compileLesson, getLesson, listLessons } from "@/lib/content";
import { getLatestAttempt, listLessonProgress, serveQuestions, serveVariant } from "@/lib/progress";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).id);
  return lesson ? { title: lesson.title, description: lesson.summary } : { title: "Lesson not found" };
}

export default async function LessonPage({ params }: Props) {
  const { id } = await params;
  const lesson = getLesson(id);
  if (!lesson) notFound();
  // Visitors read and practise too: their answers are graded and kept in the browser until they sign up.
  const user = await getCurrentUser();
  const [compiled, progress] = await Promise.all([compileLesson(lesson), user ? listLessonProgress(user.id) : []]);

  const estimates: Record<string, LessonEstimate> = {};
  for (const exerciseId of compiled.estimates) {
    const variant = serveVariant(exerciseId, 0);
    if (!variant) continue;
    const latest = user ? await getLatestAttempt(user.id, exerciseId, "lesson") : null;
    estimates[exerciseId] = {
      ...variant,
      previous:
        latest && latest.attempt.seed === 0
          ? {
              answers: latest.attempt.answers,
              grade: latest.grade,
              createdAt: latest.attempt.createdAt.toISOString(),
              work: latest.attempt.work,
            }
          : null,
    };
  }

  // Judgement questions and audits: the questions only; answers come with the verdict.
  const questions = await serveQuestions(user?.id ?? null, [...compiled.judgements, ...compiled.audits], "lesson");

  const lessons = listLessons();
  const index = lessons.findIndex((l) => l.id === id);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const done = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  const missing = lesson.prerequisites
    .filter((p) => !done.has(p))
    .map((p) => lessons.find((l) => l.id === p))
    .filter((l) => l !== undefined);

  return (
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
        {missing.length > 0 && (
          <p className="rounded-md bg-accent-soft p-3 text-sm">
            This lesson builds on{" "}
            {missing.map((l, i) => (
              <span key={l.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/learn/${l.id}`} className="underline">
                  {l.title}
                </Link>
              </span>
            ))}
            . You can read on, or start there.
          </p>
        )}
      </header>
      <div className="lesson-prose mt-6">
        <LessonContent code={compiled.code} estimates={estimates} questions={questions} />
      </div>
      <footer className="mt-10 space-y-6 border-t border-border pt-6">
        {user ? (
          <LessonTracker lessonId={lesson.id} completed={done.has(lesson.id)} />
        ) : (
          <p className="rounded-md bg-accent-soft p-3 text-sm">
            You are practising without an account: your answers are kept on this device.{" "}
            <Link href={`/sign-up?callbackUrl=/learn/${lesson.id}`} className="underline">
              Sign up
            </Link>{" "}
            to keep your progress and get review cards for what you miss.
          </p>
        )}
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
  );
}
