"use client";

import type { QuestionAnswered, QuestionSource, QuestionView } from "@/lib/progress/client";
import { ChoiceForm } from "./choice-form";

export type JudgementProps = {
  question: Extract<QuestionView, { kind: "judgement" }>;
  previous: QuestionAnswered | null;
  source: QuestionSource;
};

/**
 * A judgement question: pick one option and check it. The server grades it and only then sends the right option and
 * why; a miss comes back later as a review card.
 */
export function Judgement({ question, previous, source }: JudgementProps) {
  return (
    <div className="my-8 rounded-lg border border-border bg-surface p-5 shadow-sm" data-question={question.id}>
      <p className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">Your call</p>
      <ChoiceForm
        questionId={question.id}
        source={source}
        previous={previous}
        legend={question.question}
        options={question.options}
        labels={{ check: "Check", again: "Answer again", missing: "Pick one of the options first." }}
        verdictText={() => ({ right: "Right.", wrong: "Not the best choice." })}
      />
    </div>
  );
}
