"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { AnswerField } from "@/components/exercise/answer-field";
import { GivensList } from "@/components/exercise/givens-list";
import { StepVerdict } from "@/components/exercise/step-verdict";
import { outbox, type WriteOutcome } from "@/components/net/outbox";
import { Flashcard } from "@/components/review/flashcard";
import { ReviewKeys } from "@/components/review/review-keys";
import type { ExercisePrompt, StepGrade } from "@/lib/engine/client";
import type { ReviewResponseBody, ReviewSubmit, UndoResponseBody } from "@/lib/progress/client";
import { RATING_NAMES, type Rating } from "@/lib/srs/client";

export type ReviewCardView = (
  | { kind: "fact"; cardId: string; question: string; answer: string; preview: Record<Rating, string>; isNew: boolean }
  | { kind: "step"; cardId: string; prompt: ExercisePrompt; token: string; preview: Record<Rating, string> }
) & {
  /** Came due after the page was loaded (by this device's clock): its rating is sent as an early one. */
  early?: true;
};

/** A card that comes due within the next day, held by the page so it can be reviewed then, online or not. */
export type UpcomingCardView = ReviewCardView & { dueAt: string };

export type ReviewSessionProps = {
  initial: ReviewCardView[];
  /** cards coming due in the next 24 hours, soonest first: each joins the queue when this device's clock reaches it */
  upcoming: UpcomingCardView[];
  totalDue: number;
  /** new flashcards today's limit still allows, and those beyond it (as the page was loaded) */
  newLeftToday: number;
  newWaiting: number;
};

const KEY_RATINGS: Record<string, Rating> = { "1": 1, "2": 2, "3": 3, "4": 4 };

/** A refusal's own message, or what to say when the server could not be reached. */
function failure(result: WriteOutcome<unknown>, offline: string): string {
  return result.kind === "refused" ? result.error : offline;
}

/** Said after a write that waits on this device: the header counts it too. */
const KEPT = " Kept on this device; it will be sent when Envelope can be reached.";

/**
 * The review queue, one card at a time. Keys: Space or Enter reveals; 1 to 4 rate; Ctrl+Z (⌘Z) undoes the last rating.
 * Step cards are answered instead: the server grades the answer, and the verdict is the rating.
 */
export function ReviewSession({ initial, upcoming, totalDue, newLeftToday, newWaiting }: ReviewSessionProps) {
  const router = useRouter();
  const [queue, setQueue] = useState(initial);
  const [ahead, setAhead] = useState(upcoming);
  const [joined, setJoined] = useState(0);
  const [history, setHistory] = useState<ReviewCardView[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [answer, setAnswer] = useState("");
  const [stepResult, setStepResult] = useState<{ grade: StepGrade; rating: Rating } | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [reviewed, setReviewed] = useState(0);
  const shownAt = useRef(0);
  const revealButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const answerBox = useRef<HTMLDivElement>(null);
  const current = queue[0];
  const newLeft = Math.max(0, newLeftToday - history.filter((card) => card.kind === "fact" && card.isNew).length);

  useEffect(() => {
    shownAt.current = Date.now();
    // preventScroll: on a phone, focusing the answer field would scroll the scenario above it out of view.
    if (current?.kind === "fact") revealButton.current?.focus({ preventScroll: true });
    else answerBox.current?.querySelector("input")?.focus({ preventScroll: true });
  }, [current]);

  // Cards that come due while the page is open (or kept offline) join the end of the queue when they do.
  useEffect(() => {
    function join() {
      const now = Date.now();
      const due = ahead.filter((card) => Date.parse(card.dueAt) <= now);
      if (due.length === 0) return;
      setAhead((cards) => cards.filter((card) => !due.includes(card)));
      setQueue((q) => [...q, ...due.map(({ dueAt: _dueAt, ...card }): ReviewCardView => ({ ...card, early: true }))]);
      setJoined((n) => n + due.length);
    }
    join();
    if (ahead.length === 0) return;
    const timer = window.setInterval(join, 30_000);
    document.addEventListener("visibilitychange", join);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", join);
    };
  }, [ahead]);

  const advance = useCallback((rated: ReviewCardView) => {
    setHistory((h) => [...h, rated]);
    setQueue((q) => q.slice(1));
    setRevealed(false);
    setAnswer("");
    setStepResult(null);
    setReviewed((n) => n + 1);
  }, []);

  const rate = useCallback(
    async (rating: Rating) => {
      if (!current || current.kind !== "fact" || !revealed || busy) return;
      setBusy(true);
      const review: ReviewSubmit = {
        clientId: crypto.randomUUID(),
        cardId: current.cardId,
        rating,
        durationMs: Date.now() - shownAt.current,
        ...(current.early ? { early: true } : {}),
      };
      const result = await outbox.write<ReviewResponseBody>({
        method: "POST",
        url: "/api/reviews",
        body: review,
        label: "a card rating",
      });
      setBusy(false);
      if (result.kind === "refused" || result.kind === "unsent") {
        setAnnouncement(failure(result, "The rating could not be saved. Check your connection and try again."));
        return;
      }
      setAnnouncement(
        `Rated ${RATING_NAMES[rating]}. Next review in ${current.preview[rating]}.${result.kind === "queued" ? KEPT : ""}`,
      );
      advance(current);
    },
    [current, revealed, busy, advance],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    const result = await outbox.write<UndoResponseBody>({
      method: "POST",
      url: "/api/reviews/undo",
      body: { clientId: crypto.randomUUID() },
      label: "an undo",
    });
    setBusy(false);
    if (result.kind === "refused" || result.kind === "unsent") {
      setAnnouncement(failure(result, "Undo failed. Check your connection and try again."));
      return;
    }
    const last = history[history.length - 1];
    if (last) {
      setHistory((h) => h.slice(0, -1));
      setQueue((q) => [last, ...q]);
      setReviewed((n) => Math.max(0, n - 1));
    }
    setRevealed(false);
    setStepResult(null);
    setAnnouncement(`Last rating undone. The card is back as it was.${result.kind === "queued" ? KEPT : ""}`);
  }, [busy, history]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        void undo();
        return;
      }
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (!current || current.kind !== "fact") return;
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        event.preventDefault();
        setRevealed(true);
        return;
      }
      const rating = KEY_RATINGS[event.key];
      if (revealed && rating) {
        event.preventDefault();
        void rate(rating);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, revealed, rate, undo]);

  async function submitStep(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current || current.kind !== "step" || busy) return;
    if (stepResult) {
      advance(current);
      return;
    }
    setBusy(true);
    const review: ReviewSubmit = {
      clientId: crypto.randomUUID(),
      cardId: current.cardId,
      answer,
      seed: current.prompt.seed,
      token: current.token,
      durationMs: Date.now() - shownAt.current,
      ...(current.early ? { early: true } : {}),
    };
    const result = await outbox.write<ReviewResponseBody>({
      method: "POST",
      url: "/api/reviews",
      body: review,
      label: "a review answer",
    });
    setBusy(false);
    if (result.kind === "queued") {
      // Graded by the server when it is sent; the learner goes on meanwhile.
      setAnnouncement(`Your answer is kept on this device and will be graded when Envelope can be reached.`);
      advance(current);
      return;
    }
    if (result.kind !== "ok" || !result.data.grade) {
      setAnnouncement(failure(result, "The answer could not be checked. Check your connection and try again."));
      return;
    }
    const { grade, rating } = result.data;
    setStepResult({ grade, rating });
    setAnnouncement(`${RATING_NAMES[rating]}: next review in ${current.preview[rating]}.`);
  }

  // Once a step is graded, focus moves to "Next card", so Enter goes on.
  useEffect(() => {
    if (stepResult) nextButton.current?.focus();
  }, [stepResult]);

  return (
    <div className="space-y-6">
      <p className="text-sm text-muted" aria-live="polite">
        {reviewed} reviewed · {Math.max(0, totalDue + joined - reviewed)} due
      </p>
      <p className="text-sm text-muted">
        {newLeft} new {newLeft === 1 ? "card" : "cards"} left today · {newWaiting} waiting
      </p>
      {!current && totalDue + joined > reviewed ? (
        <div className="card space-y-2">
          <h2 className="text-xl font-semibold">More cards are due</h2>
          <p className="text-muted">You have finished this batch. {totalDue - reviewed} more are waiting.</p>
          <button type="button" className="btn-primary" onClick={() => router.refresh()}>
            Load the next cards
          </button>
        </div>
      ) : !current ? (
        <div className="card space-y-2">
          <h2 className="text-xl font-semibold">All caught up</h2>
          <p className="text-muted">Nothing else is due now. Come back tomorrow, or keep learning in the meantime.</p>
          {ahead.length > 0 && (
            <p className="text-muted">
              {ahead.length} more {ahead.length === 1 ? "card comes" : "cards come"} due in the next 24 hours. Keep this
              page open, or come back to it, even offline: {ahead.length === 1 ? "it joins" : "they join"} this queue
              when {ahead.length === 1 ? "it is" : "they are"} due.
            </p>
          )}
          {history.length > 0 && (
            <button type="button" className="btn-secondary" onClick={() => void undo()}>
              Undo last rating
            </button>
          )}
        </div>
      ) : current.kind === "fact" ? (
        <Flashcard
          question={current.question}
          answer={current.answer}
          preview={current.preview}
          revealed={revealed}
          busy={busy}
          revealButton={revealButton}
          onReveal={() => setRevealed(true)}
          onRate={(rating) => void rate(rating)}
        />
      ) : (
        <section aria-label="Estimation review" className="card space-y-4">
          <p className="text-sm font-medium text-muted">A step you missed, with new numbers</p>
          <h2 className="text-lg font-semibold">{current.prompt.title}</h2>
          <p>{current.prompt.scenario}</p>
          <GivensList givens={current.prompt.givens} />
          <form onSubmit={submitStep} className="space-y-3" noValidate>
            {current.prompt.steps.map((step) => (
              <div key={step.id} ref={answerBox}>
                <AnswerField
                  id={`review-${step.id}`}
                  label={step.prompt}
                  step={step}
                  value={answer}
                  disabled={busy || stepResult !== null}
                  onChange={setAnswer}
                />
              </div>
            ))}
            {stepResult && <StepVerdict grade={stepResult.grade} />}
            <button ref={nextButton} type="submit" className="btn-primary" disabled={busy}>
              {stepResult ? "Next card" : "Check"}
            </button>
          </form>
        </section>
      )}
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {announcement}
      </p>
      <ReviewKeys />
    </div>
  );
}
