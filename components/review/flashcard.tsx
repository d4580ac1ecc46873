import type { Ref } from "react";
import { RATINGS, RATING_NAMES, type Rating } from "@/lib/srs/client";

export type FlashcardProps = {
  question: string;
  answer: string;
  /** how long until the card comes back for each rating ("10m", "3d") */
  preview: Record<Rating, string>;
  revealed: boolean;
  busy: boolean;
  revealButton: Ref<HTMLButtonElement>;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
};

/** One flashcard: the question, then (once revealed) the answer and the four rating buttons with their intervals. */
export function Flashcard({
  question,
  answer,
  preview,
  revealed,
  busy,
  revealButton,
  onReveal,
  onRate,
}: FlashcardProps) {
  return (
    <section aria-label="Flashcard" className="card space-y-5">
      <p className="text-sm font-medium text-muted">Question</p>
      <p className="text-2xl font-semibold">{question}</p>
      {revealed ? (
        <>
          <div className="border-t border-border pt-4">
            <p className="text-sm font-medium text-muted">Answer</p>
            <p className="mt-1 text-xl">{answer}</p>
          </div>
          <div role="group" aria-label="How well did you remember?" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {RATINGS.map((rating) => (
              <button
                key={rating}
                type="button"
                className={rating === 3 ? "btn-primary" : "btn-secondary"}
                disabled={busy}
                onClick={() => onRate(rating)}
              >
                <span>
                  <kbd className="mr-1 font-mono text-xs">{rating}</kbd> {RATING_NAMES[rating]}
                </span>
                <span className="text-xs opacity-80">{preview[rating]}</span>
              </button>
            ))}
          </div>
        </>
      ) : (
        <button ref={revealButton} type="button" className="btn-primary" onClick={onReveal}>
          Show answer
        </button>
      )}
    </section>
  );
}
