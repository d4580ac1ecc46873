import Link from "next/link";

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

/** The drill a visitor is invited straight into: daily users to peak requests per second. */
const FIRST_DRILL = "drill-dau-to-peak-qps";

/** The home page for visitors, prerendered; a signed-in learner is sent to Today by proxy.ts before it renders. */
export default function HomePage() {
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
