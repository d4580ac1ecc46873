import type { Metadata } from "next";
import Link from "next/link";
import { AddModuleCards } from "@/components/review/add-module-cards";
import { ReviewSession, type ReviewCardView } from "@/components/review/review-session";
import { FitPanel } from "@/components/review/fit-panel";
import { SettingsForm } from "@/components/review/settings-form";
import { SpreadBacklog } from "@/components/review/spread-backlog";
import { requireUser } from "@/lib/auth";
import { MODULES, MODULE_IDS } from "@/lib/content";
import { MINUTES_PER_REVIEW, REVIEW_SHARE } from "@/lib/plan";
import { getReviewPage, listPublishedCards, type ReviewItem } from "@/lib/progress";

export const metadata: Metadata = { title: "Review" };

/** What the review session shows of a card: no scheduling state beyond whether a flashcard is new. */
function cardView(item: ReviewItem): ReviewCardView {
  return item.kind === "fact"
    ? {
        kind: "fact",
        cardId: item.cardId,
        question: item.question,
        answer: item.answer,
        preview: item.preview,
        isNew: item.state === "new",
      }
    : { kind: "step", cardId: item.cardId, prompt: item.prompt, token: item.token, preview: item.preview };
}

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const now = new Date();
  const { items, upcoming, summary, deckSize, stepCards, settings, fitStatus } = await getReviewPage(user.id, now, 50);
  // Only modules with lessons to learn offer their cards; lessons still to come add none.
  const cards = listPublishedCards();
  const modules = MODULE_IDS.filter((id) => cards.some((card) => card.module === id));
  // The reviews a day the learner's plan makes room for (half of their minutes); more than that due is a backlog.
  const reviewsPerDay = Math.max(10, Math.floor((settings.minutesPerDay * REVIEW_SHARE) / MINUTES_PER_REVIEW));
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Review</h1>
        <p className="text-muted">
          Cards come back just before you would forget them. Estimation steps you missed come back too, with new
          numbers, and so do the judgement questions you got wrong.
        </p>
      </header>
      <SpreadBacklog reviewsDue={summary.reviewsDue} suggestedPerDay={reviewsPerDay} />
      {deckSize === 0 ? (
        <div className="card space-y-3">
          <h2 className="text-xl font-semibold">Your deck is empty</h2>
          <p className="text-muted">
            Cards join your deck when you complete a lesson, and every estimation step you miss becomes a card.{" "}
            <Link href="/learn" className="underline">
              Start a lesson
            </Link>
            , or add a whole module now: its new cards come {settings.newCardsPerDay} a day, in course order.
          </p>
        </div>
      ) : (
        <ReviewSession
          key={now.getTime()}
          initial={items.map(cardView)}
          upcoming={upcoming.map((item) => ({ ...cardView(item), dueAt: item.dueAt.toISOString() }))}
          totalDue={summary.due}
          newLeftToday={summary.leftToday}
          newWaiting={summary.waiting}
        />
      )}
      <section aria-labelledby="deck" className="space-y-3">
        <h2 id="deck" className="text-xl font-semibold">
          Your deck
        </h2>
        <p className="text-muted">
          {deckSize} card{deckSize === 1 ? "" : "s"}, {stepCards} of them estimation steps.
        </p>
        {modules.map((module) => (
          <AddModuleCards
            key={module}
            module={module}
            title={MODULES[module].title}
            newCardsPerDay={settings.newCardsPerDay}
          />
        ))}
      </section>
      <section aria-labelledby="settings" className="space-y-3">
        <h2 id="settings" className="text-xl font-semibold">
          Settings
        </h2>
        <SettingsForm
          desiredRetention={settings.desiredRetention}
          timeZone={settings.timeZone}
          dayStartHour={settings.dayStartHour}
          newCardsPerDay={settings.newCardsPerDay}
          deckSize={deckSize}
        />
        <FitPanel initial={fitStatus} />
      </section>
    </div>
  );
}
