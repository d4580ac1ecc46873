"use client";

import { useRef, useState, type FormEvent } from "react";
import type { QuestionAnswered, QuestionSource, QuestionView } from "@/lib/progress/client";
import { OptionGroup } from "./option-group";
import { useQuestionAnswer } from "./use-question-answer";
import { QuestionVerdict } from "./verdict";

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
  const { status, submit, reset } = useQuestionAnswer(question.id, source, previous);
  const [picked, setPicked] = useState<string | null>(previous?.optionId ?? null);
  const [missing, setMissing] = useState(false);
  const verdictRef = useRef<HTMLDivElement>(null);
  const answered = status.kind === "answered";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked) {
      setMissing(true);
      return;
    }
    if (await submit(picked)) requestAnimationFrame(() => verdictRef.current?.focus());
  }

  return (
    <div className="my-8 rounded-lg border border-border bg-surface p-5 shadow-sm" data-question={question.id}>
      <p className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">Your call</p>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <OptionGroup
          legend={question.question}
          options={question.options}
          value={picked}
          onChange={(id) => {
            setPicked(id);
            setMissing(false);
          }}
          disabled={answered || status.kind === "sending"}
          answer={answered ? status.verdict.answer : undefined}
        />
        <div className="flex flex-wrap items-center gap-3">
          {!answered ? (
            <button type="submit" className="btn-primary" disabled={status.kind === "sending"}>
              {status.kind === "sending" ? "Checking…" : "Check"}
            </button>
          ) : (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                reset();
                setPicked(null);
              }}
            >
              Answer again
            </button>
          )}
        </div>
        <div ref={verdictRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {missing && <p className="font-medium text-danger">Pick one of the options first.</p>}
          <QuestionVerdict status={status} rightText="Right." wrongText="Not the best choice." />
        </div>
      </form>
    </div>
  );
}
