import type { Metadata } from "next";
import { WelcomeSteps } from "@/components/today/welcome-steps";
import { requireUser } from "@/lib/auth";
import { getSettings, placementQuestions } from "@/lib/progress";
import { dayKey } from "@/lib/srs";

export const metadata: Metadata = { title: "Welcome" };

/** Onboarding: the interview date and minutes a day, then a placement drill; the plan on /today starts from them. */
export default async function WelcomePage() {
  const user = await requireUser("/welcome");
  const settings = await getSettings(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2 pt-4">
        <h1 className="text-3xl font-bold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <p className="text-muted">
          Two minutes of setup, five of estimates, and Envelope plans each day until your interview. You can change all
          of it later on your Today page.
        </p>
      </header>
      <WelcomeSteps
        today={dayKey(new Date(), settings.timeZone, settings.dayStartHour)}
        interviewDay={settings.interviewDay}
        minutesPerDay={settings.minutesPerDay}
        questions={placementQuestions()}
      />
    </div>
  );
}
