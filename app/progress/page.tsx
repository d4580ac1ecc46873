import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DayBars } from "@/components/charts/day-bars";
import { ReviewHeatmap } from "@/components/charts/review-heatmap";
import { WeeklyLine } from "@/components/charts/weekly-line";
import { ProgressBar } from "@/components/progress/progress-bar";
import { requireUser } from "@/lib/auth";
import { describeCalibration } from "@/lib/engine";
import { drillForSkill, listCaseEntries, listLessons, type LessonMeta } from "@/lib/content";
import { getProgressPage, type Readiness, type WeakSkill } from "@/lib/progress";

export const metadata: Metadata = { title: "Progress" };

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card min-w-0 space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}

/** Where to practise a weak skill: its best drill, else the lesson where it was missed most, else the drill list. */
function practiceLink(skill: WeakSkill, lessonsById: ReadonlyMap<string, LessonMeta>): { href: string; label: string } {
  const lessons = skill.lessonIds;
  const drill = drillForSkill(skill.skill, lessons);
  if (drill) return { href: `/practice/${drill.id}`, label: `Drill: ${drill.exercise.title}` };
  const lesson = lessons[0] ? lessonsById.get(lessons[0]) : null;
  return lesson
    ? { href: `/learn/${lesson.id}`, label: `Lesson: ${lesson.title}` }
    : { href: "/practice", label: "Drills" };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "Ready by the date?": coverage by the interview if the plan is followed, and the recall projected to that day. */
function ReadyByTheDate({ readiness }: { readiness: Readiness | null }) {
  if (!readiness)
    return (
      <Panel id="ready" title="Ready by the date?">
        <Empty>
          Set your interview date on your{" "}
          <Link href="/today" className="underline">
            Today page
          </Link>{" "}
          and this panel shows what you will have covered by then, and how much of your deck you will still recall on
          the day.
        </Empty>
      </Panel>
    );
  const { lessons, cases, recall, plan } = readiness;
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${readiness.interviewDay}T12:00:00Z`),
  );
  return (
    <Panel id="ready" title={`Ready by ${day}?`}>
      <p className="text-sm">
        {plan.message.replace(" (listed below)", "")}
        {plan.dropped.lessons.length + plan.dropped.cases.length > 0 && (
          <>
            {" "}
            <Link href="/today" className="underline">
              Today
            </Link>{" "}
            lists what is left out, and a later date or more minutes a day brings it back.
          </>
        )}
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
        <dt>Lessons done by then, if you follow the plan</dt>
        <dd className="text-right font-medium">
          {lessons.byTheDate} of {lessons.total} <span className="font-normal text-muted">({lessons.done} now)</span>
        </dd>
        <dt>Cases done by then</dt>
        <dd className="text-right font-medium">
          {cases.byTheDate} of {cases.total} <span className="font-normal text-muted">({cases.done} now)</span>
        </dd>
        <dt>Recall of your cards on the day, with no more reviews</dt>
        <dd className="text-right font-medium">{recall.average === null ? "no cards yet" : percent(recall.average)}</dd>
      </dl>
      <p className="text-sm text-muted">
        {recall.average === null
          ? "Cards you review start counting here."
          : `The FSRS forecast over the ${recall.learned} cards you have reviewed${
              recall.unlearned ? ` (${recall.unlearned} not yet started are left out)` : ""
            }. Reviews before the date, capped to fall the day before it, keep it near your desired ${percent(
              readiness.desiredRetention,
            )}.`}
      </p>
    </Panel>
  );
}

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const now = new Date();
  const { dashboard: data, weakest, caseResults, readiness } = await getProgressPage(user.id, now);
  const caseEntries = listCaseEntries();
  const lessonsById = new Map(listLessons().map((lesson) => [lesson.id, lesson]));
  const caseTitles = new Map(caseEntries.map((entry) => [entry.id, entry.title]));
  const casesDone = new Set(caseResults.map((result) => result.caseId)).size;
  const due = data.forecast.reduce((sum, d) => sum + d.count, 0);
  const lastAccuracy = data.accuracy.at(-1);
  const lastSpeed = data.speed.at(-1);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Progress</h1>
        <p className="text-muted">
          {data.streak > 0 ? `A ${data.streak}-day review streak. ` : ""}
          {data.reviewsTotal} review{data.reviewsTotal === 1 ? "" : "s"} in the last year, {data.deckSize} card
          {data.deckSize === 1 ? "" : "s"} in your deck.
        </p>
      </header>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ReadyByTheDate readiness={readiness} />
        <Panel id="course" title="Course">
          {data.modules.map((m) => (
            <ProgressBar key={m.module} label={m.title} done={m.done} total={m.total} />
          ))}
          <ProgressBar label="Case studies done" done={casesDone} total={caseEntries.length} />
          {caseResults.length === 0 ? (
            <p className="text-sm text-muted">
              No case finished yet.{" "}
              <Link href="/cases" className="underline">
                Work a case
              </Link>{" "}
              as a practice interview: its score card lands here.
            </p>
          ) : (
            <table className="w-full text-sm">
              <caption className="text-left font-medium">Case scores, newest first</caption>
              <thead>
                <tr className="text-left text-muted">
                  <th className="py-1 font-medium">When</th>
                  <th className="py-1 font-medium">Case</th>
                  <th className="py-1 text-right font-medium">Score</th>
                </tr>
              </thead>
              <tbody>
                {caseResults.slice(0, 8).map((result) => (
                  <tr key={`${result.caseId}-${result.finishedAt.toISOString()}`} className="border-t border-border">
                    <td className="py-1">{result.finishedAt.toISOString().slice(0, 10)}</td>
                    <td className="py-1">
                      <Link href={`/cases/${result.caseId}`} className="underline">
                        {caseTitles.get(result.caseId) ?? result.caseId}
                      </Link>
                    </td>
                    <td className="py-1 text-right tabular-nums">
                      {Math.round(result.total * 100)}% · {result.band}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel
          id="streak"
          title={`Reviews in the last year${data.streak ? ` · streak ${data.streak} day${data.streak === 1 ? "" : "s"}` : ""}`}
        >
          {data.reviewsTotal === 0 ? (
            <Empty>
              No reviews yet. Start a lesson to add its cards, then come back to{" "}
              <Link href="/review" className="underline">
                Review
              </Link>{" "}
              each day. A day with nothing due never breaks your streak.
            </Empty>
          ) : (
            <ReviewHeatmap days={data.heatmap} />
          )}
        </Panel>
        <Panel id="forecast" title="Due in the next 30 days">
          {due === 0 ? (
            <Empty>
              Nothing is scheduled. Cards join your deck when you start a lesson or miss an estimation step.
            </Empty>
          ) : (
            <DayBars
              data={data.forecast}
              label="cards due"
              summary={`${due} reviews due in the next 30 days, ${data.forecast[0]?.count ?? 0} of them today.`}
            />
          )}
        </Panel>
        <Panel id="accuracy" title="Estimation accuracy per week">
          {data.accuracy.length === 0 ? (
            <Empty>
              Answer the estimates in a{" "}
              <Link href="/learn" className="underline">
                lesson
              </Link>{" "}
              or run a{" "}
              <Link href="/practice" className="underline">
                drill
              </Link>
              : this chart shows the share of your steps that were close or exact, week by week.
            </Empty>
          ) : (
            <WeeklyLine
              data={data.accuracy.map((w) => ({ week: w.week, value: Math.round(w.share * 100) }))}
              name="Steps close or better"
              unit="%"
              domain={[0, 100]}
              summary={`This week ${Math.round((lastAccuracy?.share ?? 0) * 100)}% of ${lastAccuracy?.steps ?? 0} answered steps were close or exact.`}
            />
          )}
        </Panel>
        <Panel id="speed" title="Drill speed (median per week)">
          {data.speed.length === 0 ? (
            <Empty>Run a drill to see how long your estimates take. Aim for under two minutes.</Empty>
          ) : (
            <WeeklyLine
              data={data.speed.map((w) => ({ week: w.week, value: w.medianSeconds }))}
              name="Median time"
              unit="s"
              summary={`Your median drill this week took ${lastSpeed?.medianSeconds ?? 0} seconds over ${lastSpeed?.runs ?? 0} runs.`}
            />
          )}
        </Panel>
        <Panel id="calibration" title="Calibration">
          {data.calibration.count === 0 ? (
            <Empty>
              Give 80% ranges in the{" "}
              <Link href="/practice#calibration" className="underline">
                calibration drills
              </Link>
              ; a well-calibrated learner sees about 8 in 10 of them hold.
            </Empty>
          ) : (
            <p>{describeCalibration(data.calibration)}</p>
          )}
        </Panel>
        <Panel id="weakest" title="Weakest skills">
          {weakest.length === 0 ? (
            <Empty>No misses yet. The skills you get wrong most often will be listed here, each with a drill.</Empty>
          ) : (
            <ol className="space-y-3">
              {weakest.map((skill) => {
                const link = practiceLink(skill, lessonsById);
                return (
                  <li key={skill.skill} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                    <span className="font-medium first-letter:uppercase">{skill.skill}</span>
                    <span className="text-sm text-muted">
                      {skill.misses} missed of {skill.answered} step{skill.answered === 1 ? "" : "s"}
                    </span>
                    <Link href={link.href} className="basis-full text-sm underline">
                      {link.label}
                    </Link>
                  </li>
                );
              })}
            </ol>
          )}
        </Panel>
      </div>
    </div>
  );
}
