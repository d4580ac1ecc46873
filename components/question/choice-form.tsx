"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";
import type { QuestionAnswered, QuestionSource } from "@/lib/progress/client";
import { OptionGroup, type OptionGroupProps } from "./option-group";
import { useQuestionAnswer, type QuestionStatus } from "./use-question-answer";
import { QuestionVerdict } from "./verdict";

export type ChoiceFormProps = {
  questionId: string;
  source: QuestionSource;
  previous: QuestionAnswered | null;
  legend: string;
  options: OptionGroupProps["options"];
  numbered?: boolean;
  /** the labels of the check and retry buttons, and the nudge when nothing is picked */
  labels: { check: string; again: string; missing: string };
  /** the verdict's first words, given the right option's id */
  verdictText: (answer: string) => { right: string; wrong: string };
  className?: string;
  /** what follows the form once the server has answered (an audit's fix exercise) */
  after?: (status: QuestionStatus) => ReactNode;
};

/**
 * One choice question, checked by the server: the options as a radio group, a check button, then the verdict with
 * the right option marked and why. Focus moves to the verdict; "again" clears the pick for another try.
 */
export function ChoiceForm({
  questionId,
  source,
  previous,
  legend,
  options,
  numbered = false,
  labels,
  verdictText,
  className,
  after,
}: ChoiceFormProps) {
  const { status, submit, reset } = useQuestionAnswer(questionId, source, previous);
  const [picked, setPicked] = useState<string | null>(previous?.optionId ?? null);
  const [missing, setMissing] = useState(false);
  const verdictRef = useRef<HTMLDivElement>(null);
  const answered = status.kind === "answered";
  const text = verdictText(answered ? status.verdict.answer : "");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked) {
      setMissing(true);
      return;
    }
    if (await submit(picked)) requestAnimationFrame(() => verdictRef.current?.focus());
  }

  return (
    <>
      <form onSubmit={onSubmit} className={className ?? "space-y-4"} noValidate>
        <OptionGroup
          legend={legend}
          options={options}
          numbered={numbered}
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
              {status.kind === "sending" ? "Checking…" : labels.check}
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
              {labels.again}
            </button>
          )}
        </div>
        <div ref={verdictRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {missing && <p className="font-medium text-danger">{labels.missing}</p>}
          <QuestionVerdict status={status} rightText={text.right} wrongText={text.wrong} />
        </div>
      </form>
      {after?.(status)}
    </>
  );
}
