import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/progress/progress-bar";
import { getCurrentUser } from "@/lib/auth";
import { MODULES, MODULE_IDS, listCaseEntries, listCurriculum, listLessons } from "@/lib/content";
import { listLessonProgress } from "@/lib/progress";

export const metadata: Metadata = { title: "Learn" };

export default async function LearnPage() {
  // Visitors may read every lesson; progress is shown to a signed-in learner.
  const user = await getCurrentUser();
  const lessons = listLessons();
  const progress = new Map((user ? await listLessonProgress(user.id) : []).map((row) => [row.lessonId, row]));
  const written = new Set(lessons.map((l) => l.id));
  const upcoming = listCurriculum().filter((entry) => !written.has(entry.id));
  // A case-studies slot opens its case once the case is written.
  const cases = new Set(listCaseEntries().map((entry) => entry.id));
  const modules = MODULE_IDS.map((id) => ({
    id,
    ...MODULES[id],
    lessons: lessons.filter((l) => l.module === id),
    upcoming: upcoming.filter((entry) => entry.module === id),
  })).filter((m) => m.lessons.length > 0 || m.upcoming.length > 0);
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Learn</h1>
        <p className="text-muted">Short lessons, in order. Each one ends with estimates to try, graded on the spot.</p>
      </header>
      {modules.map((module) => {
        const done = module.lessons.filter((l) => progress.get(l.id)?.completedAt).length;
        return (
          <section key={module.id} aria-labelledby={`module-${module.id}`} className="space-y-4">
            <div className="space-y-2">
              <h2 id={`module-${module.id}`} className="text-xl font-semibold">
                {module.title}
              </h2>
              <p className="text-muted">{module.summary}</p>
              {module.lessons.length > 0 && (
                <ProgressBar label={`${module.title} progress`} done={done} total={module.lessons.length} />
              )}
            </div>
            <ol className="grid gap-3">
              {module.lessons.map((lesson) => {
                const row = progress.get(lesson.id);
                const status = row?.completedAt ? "Completed" : row ? "In progress" : "Not started";
                return (
                  <li key={lesson.id}>
                    <Link href={`/learn/${lesson.id}`} className="card block hover:border-accent">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <span className="font-semibold">
                          {lesson.order}. {lesson.title}
                        </span>
                        <span className="text-sm text-muted">
                          {lesson.minutes} min ·{" "}
                          <span className={row?.completedAt ? "text-success" : undefined}>{status}</span>
                        </span>
                      </div>
                      <p className="mt-1 text-sm text-muted">{lesson.summary}</p>
                    </Link>
                  </li>
                );
              })}
              {module.upcoming
                .filter((entry) => cases.has(entry.id))
                .map((entry) => (
                  <li key={entry.id}>
                    <Link href={`/cases/${entry.id}`} className="card block hover:border-accent">
                      <span className="font-semibold">
                        {entry.order}. {entry.title}
                      </span>{" "}
                      <span className="text-sm text-muted">· a practice interview, stage by stage</span>
                    </Link>
                  </li>
                ))}
              {module.upcoming
                .filter((entry) => !cases.has(entry.id))
                .map((entry) => (
                  <li key={entry.id} className="rounded-lg border border-dashed border-border px-5 py-3 text-muted">
                    <span className="font-medium">
                      {entry.order}. {entry.title}
                    </span>{" "}
                    <span className="text-sm">· coming soon</span>
                  </li>
                ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
