import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth";
import { getHomeSummary, type HomeSummary } from "@/lib/progress";

const features = [
  {
    title: "Estimate like a whiteboard",
    body: "Type 46k, 3 TB/day or 25 Gbps. Envelope reads numbers the way you write them, grades each step on the spot and shows the worked solution.",
  },
  {
    title: "Short lessons",
    body: "Latency numbers, the estimation pipeline, server sizing, fan-out and hot keys: each in a lesson you read in ten minutes, with exercises inside.",
  },
  {
    title: "Case studies, stage by stage",
    body: "Requirements, estimates, API, design, deep dives: try each stage yourself before it is revealed.",
  },
  {
    title: "Spaced repetition",
    body: "Flashcards scheduled with FSRS, and every estimation step you miss comes back as a card with fresh numbers.",
  },
];

function NextStep({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children: ReactNode;
  action: ReactNode;
}) {
  return (
    <li className="card flex flex-col gap-3">
      <h2 id={id} className="text-sm font-semibold uppercase tracking-wide text-muted">
        {title}
      </h2>
      <div className="flex-1">{children}</div>
      <div>{action}</div>
    </li>
  );
}

/** The signed-in home: what to do next, from the learner's own progress. */
function LearnerHome({ name, summary }: { name: string; summary: HomeSummary }) {
  const { resume, dueNow, nextLesson, firstLesson, firstDrill } = summary;
  return (
    <div className="space-y-8">
      <header className="space-y-2 pt-4">
        <h1 className="text-3xl font-bold tracking-tight">
          {summary.isNew ? `Welcome, ${name}` : `Welcome back, ${name}`}
        </h1>
        <p className="text-muted">{summary.isNew ? "Here is where to start." : "Here is what to do next."}</p>
      </header>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {summary.isNew ? (
          <>
            {firstLesson && (
              <NextStep
                id="start-lesson"
                title="Start with lesson 1"
                action={
                  <Link href={`/learn/${firstLesson.id}`} className="btn-primary">
                    Start lesson 1
                  </Link>
                }
              >
                <p className="font-medium">{firstLesson.title}</p>
                <p className="mt-1 text-sm text-muted">A ten-minute read with estimates to try on the way.</p>
              </NextStep>
            )}
            {firstDrill && (
              <NextStep
                id="first-drill"
                title="Or try a first drill"
                action={
                  <Link href={`/practice/${firstDrill.id}`} className="btn-secondary">
                    Try the drill
                  </Link>
                }
              >
                <p className="font-medium">{firstDrill.title}</p>
                <p className="mt-1 text-sm text-muted">One estimate, graded step by step, with the worked solution.</p>
              </NextStep>
            )}
          </>
        ) : (
          <>
            {resume && (
              <NextStep
                id="resume"
                title="Continue where you left off"
                action={
                  resume.kind === "lesson" ? (
                    <Link href={`/learn/${resume.lesson.id}`} className="btn-primary">
                      Continue lesson {resume.lesson.order}
                    </Link>
                  ) : (
                    <Link href={`/practice/${resume.drill.id}`} className="btn-primary">
                      Run the drill again
                    </Link>
                  )
                }
              >
                <p className="font-medium">{resume.kind === "lesson" ? resume.lesson.title : resume.drill.title}</p>
                <p className="mt-1 text-sm text-muted">
                  {resume.kind === "lesson"
                    ? "Started, not finished yet."
                    : `Your last run scored ${Math.round(resume.score * 100)}%.`}
                </p>
              </NextStep>
            )}
            <NextStep
              id="reviews"
              title="Reviews"
              action={
                <Link href="/review" className={dueNow > 0 ? "btn-primary" : "btn-secondary"}>
                  {dueNow > 0 ? "Review now" : "Open review"}
                </Link>
              }
            >
              <p className="font-medium">
                {dueNow === 0 ? "Nothing due now" : `${dueNow} card${dueNow === 1 ? "" : "s"} due now`}
              </p>
              <p className="mt-1 text-sm text-muted">
                {dueNow === 0
                  ? "Cards come back when they are due; missed estimates join them."
                  : "A few minutes a day keeps them."}
              </p>
            </NextStep>
            {nextLesson ? (
              <NextStep
                id="next-lesson"
                title="Next lesson"
                action={
                  <Link href={`/learn/${nextLesson.id}`} className="btn-secondary">
                    Open lesson {nextLesson.order}
                  </Link>
                }
              >
                <p className="font-medium">{nextLesson.title}</p>
              </NextStep>
            ) : (
              <NextStep
                id="next-lesson"
                title="Next lesson"
                action={
                  <Link href="/practice" className="btn-secondary">
                    Practise with drills
                  </Link>
                }
              >
                <p className="font-medium">You have finished every lesson written so far.</p>
              </NextStep>
            )}
          </>
        )}
      </ul>
      <p className="text-sm text-muted">
        See every lesson on{" "}
        <Link href="/learn" className="underline">
          Learn
        </Link>{" "}
        and how you are doing on{" "}
        <Link href="/progress" className="underline">
          Progress
        </Link>
        .
      </p>
    </div>
  );
}

/** The drill a visitor is invited straight into: daily users to peak requests per second. */
const FIRST_DRILL = "drill-dau-to-peak-qps";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) return <LearnerHome name={user.name ?? user.email} summary={await getHomeSummary(user.id, new Date())} />;
  return (
    <div className="space-y-12">
      <section className="space-y-5 pt-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent">System-design interview practice</p>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Get the numbers right before the interview does.
        </h1>
        <p className="max-w-2xl text-lg text-muted">
          You are told the feed has 200 million daily users. How many requests per second at peak? How many servers?
          Envelope teaches you to answer in two minutes, out loud, with numbers you can defend.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/practice/${FIRST_DRILL}`} className="btn-primary">
            Try a drill now, no account needed
          </Link>
          <Link href="/sign-up" className="btn-secondary">
            Create a free account
          </Link>
          <Link href="/sign-in" className="btn-secondary">
            Sign in
          </Link>
        </div>
        <p className="text-sm text-muted">
          Your answers stay on this device until you sign up; then they come with you.
        </p>
      </section>
      <section aria-labelledby="features-heading">
        <h2 id="features-heading" className="sr-only">
          What you get
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {features.map((feature) => (
            <li key={feature.title} className="card">
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="mt-2 text-muted">{feature.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
