import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProgressBar } from "@/components/progress/progress-bar";
import { PlanSettingsForm } from "@/components/today/plan-settings-form";
import { requireUser } from "@/lib/auth";
import { caseSteps } from "@/lib/cases";
import { listCaseEntries, listLessons, stepTitle, type CaseEntry, type LessonMeta } from "@/lib/content";
import type { PlanDay, PlanItem } from "@/lib/plan";
import { getTodayPage, type TodayItem } from "@/lib/progress";

export const metadata: Metadata = { title: "Today" };

/** A learner day (YYYY-MM-DD) in words: "Thursday 3 December". */
function dayName(day: string, weekday: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat("en-GB", { weekday, day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The course's lessons and cases by id: read once per request, not once for every line that names one. */
type CourseIndex = { lessons: Map<string, LessonMeta>; cases: Map<string, CaseEntry> };

function courseIndex(): CourseIndex {
  return {
    lessons: new Map(listLessons().map((lesson) => [lesson.id, lesson])),
    cases: new Map(listCaseEntries().map((entry) => [entry.id, entry])),
  };
}

/** How many steps a case has (its stages and the curveball). */
function caseStepCount(course: CourseIndex, caseId: string): number {
  const entry = course.cases.get(caseId);
  return entry ? caseSteps(entry.curveball.after).length : 0;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One line per later day: what it holds, in a few words. */
function daySummary(course: CourseIndex, day: PlanDay): string {
  const parts = day.items.map((item: PlanItem) => {
    switch (item.kind) {
      case "reviews":
        return plural(item.count, "review");
      case "final-review":
        return `final pass (${plural(item.count, "card")})`;
      case "lesson":
        return course.lessons.get(item.lessonId)?.title ?? item.lessonId;
      case "case":
        return `${course.cases.get(item.caseId)?.title ?? item.caseId}${item.timed ? " (timed)" : `: ${item.steps.map(stepTitle).join(", ")}`}`;
      case "drill":
        return null;
    }
  });
  const drills = day.items.filter((item) => item.kind === "drill").length;
  return [...parts.filter((part) => part !== null), drills ? plural(drills, "drill") : null]
    .filter(Boolean)
    .join(" · ");
}

function ItemRow({ entry }: { entry: TodayItem }) {
  return (
    <li className="flex items-start gap-3 py-3">
      <span
        aria-hidden="true"
        className={`mt-0.5 grid h-6 w-6 shrink-0 place-items-center rounded-full border text-sm ${
          entry.done ? "border-accent bg-accent text-accent-foreground" : "border-border"
        }`}
      >
        {entry.done ? "✓" : ""}
      </span>
      <div className="min-w-0 flex-1">
        <Link href={entry.href} className="font-medium underline underline-offset-2">
          {entry.title}
        </Link>
        <span className="sr-only">{entry.done ? " (done)" : " (to do)"}</span>
        <p className="text-sm text-muted">{entry.detail}</p>
      </div>
      <span className="shrink-0 text-sm text-muted">{Math.round(entry.item.minutes)} min</span>
    </li>
  );
}

/** The signed-in home: today's plan from the interview date, the minutes a day and what the learner has done. */
export default async function TodayPage() {
  const user = await requireUser("/today");
  const now = new Date();
  const { settings, summary, today } = await getTodayPage(user.id, now);
  if (!settings.onboarded && summary.isNew) redirect("/welcome");
  const { plan } = today;
  const later = plan.days.slice(1, 7).filter((day) => day.items.length > 0);
  const course = courseIndex();
  const allDone = today.items.length > 0 && today.items.every((entry) => entry.done);
  const daysLeft = today.interviewDay ? daysUntil(today.today, today.interviewDay) : null;
  const { resume } = summary;
  const resumeHref = resume
    ? resume.kind === "lesson"
      ? `/learn/${resume.lesson.id}`
      : `/practice/${resume.drill.id}`
    : null;
  const showResume = resumeHref !== null && !today.items.some((entry) => entry.href === resumeHref);

  return (
    <div className="space-y-8">
      <header className="space-y-2 pt-4">
        <p className="text-sm text-muted">{dayName(today.today)}</p>
        <h1 className="text-3xl font-bold tracking-tight">Today{user.name ? `, ${user.name}` : ""}</h1>
        <p className="text-muted">
          {today.interviewDay && daysLeft !== null
            ? daysLeft < 0
              ? `Your interview date, ${dayName(today.interviewDay)}, has passed: set the next one below, or choose "No date yet".`
              : daysLeft === 0
                ? "Your interview is today. Good luck: you have done the work."
                : `Your interview is ${daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`}, on ${dayName(today.interviewDay)}.`
            : "No interview date yet: the plan goes through the course at your pace."}{" "}
          {today.minutesPerDay} minutes a day.
        </p>
      </header>

      <section aria-labelledby="plan-today" className="card space-y-4">
        <h2 id="plan-today" className="text-xl font-semibold">
          Today&apos;s plan
        </h2>
        {today.items.length === 0 ? (
          <p className="text-muted">Nothing is planned for today. Reviews come back as cards fall due.</p>
        ) : (
          <>
            <ProgressBar
              label="Today"
              done={Math.round(today.minutesDone)}
              total={Math.round(today.minutesPlanned)}
              counted="minutes done"
            />
            <ul className="divide-y divide-border">
              {today.items.map((entry, index) => (
                <ItemRow key={`${entry.item.kind}-${index}`} entry={entry} />
              ))}
            </ul>
            {allDone && (
              <p className="rounded-md bg-accent-soft p-3 text-sm">
                Done for today. Tomorrow&apos;s plan is below; extra drills on the{" "}
                <Link href="/practice" className="underline">
                  practice page
                </Link>{" "}
                never hurt.
              </p>
            )}
          </>
        )}
        <p className="text-sm text-muted">{plan.message}</p>
        {showResume && resume && resumeHref && (
          <p className="text-sm">
            Or continue where you left off:{" "}
            <Link href={resumeHref} className="underline">
              {resume.kind === "lesson" ? resume.lesson.title : resume.drill.title}
            </Link>
            .
          </p>
        )}
      </section>

      {later.length > 0 && (
        <section aria-labelledby="plan-later" className="space-y-3">
          <h2 id="plan-later" className="text-xl font-semibold">
            The next days
          </h2>
          <p className="text-sm text-muted">
            A preview: the plan is made again each day from what you did, so a missed day moves the rest along.
          </p>
          <ul className="card divide-y divide-border">
            {later.map((day) => (
              <li key={day.day} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-4">
                <span className="w-48 shrink-0 font-medium">
                  {dayName(day.day, "short")}
                  {day.final ? " · final day" : ""}
                </span>
                <span className="text-sm text-muted">
                  {daySummary(course, day)} ({Math.round(day.minutes)} min)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(plan.dropped.lessons.length > 0 || plan.dropped.cases.length > 0) && (
        <section aria-labelledby="plan-dropped" className="space-y-3">
          <h2 id="plan-dropped" className="text-xl font-semibold">
            Left out before your date
          </h2>
          <ul className="card list-inside list-disc space-y-1 text-sm">
            {plan.dropped.lessons.map((id) => (
              <li key={id}>
                <Link href={`/learn/${id}`} className="underline">
                  {course.lessons.get(id)?.title ?? id}
                </Link>
              </li>
            ))}
            {plan.dropped.cases.map((entry) => (
              <li key={entry.caseId}>
                <Link href={`/cases/${entry.caseId}`} className="underline">
                  {course.cases.get(entry.caseId)?.title ?? entry.caseId}
                </Link>
                {entry.steps.length < caseStepCount(course, entry.caseId) && (
                  <span className="text-muted"> (from {stepTitle(entry.steps[0] ?? "")} on)</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="plan-settings" className="card space-y-3">
        <h2 id="plan-settings" className="text-xl font-semibold">
          Your date and your time
        </h2>
        <PlanSettingsForm
          today={today.today}
          interviewDay={settings.interviewDay}
          minutesPerDay={settings.minutesPerDay}
          submitLabel="Update my plan"
        />
        <p className="text-sm text-muted">
          Want the plan to start from a fresh check of your skills?{" "}
          <Link href="/welcome" className="underline">
            Take the placement again
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
