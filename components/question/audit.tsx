"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Estimate, type EstimateProps } from "@/components/exercise/estimate";
import type { QuestionAnswered, QuestionSource, QuestionView } from "@/lib/progress/client";
import { OptionGroup } from "./option-group";
import { useQuestionAnswer } from "./use-question-answer";
import { QuestionVerdict } from "./verdict";

export type AuditProps = {
  question: Extract<QuestionView, { kind: "audit" }>;
  previous: QuestionAnswered | null;
  /** the learner's last graded corrected value, shown in the fix exercise on load */
  fixPrevious?: EstimateProps["previous"];
  source: QuestionSource;
  /**
   * The title's heading level on a page of its own (the drill); in a lesson it is no heading, only the name of the
   * audit's region, so the lesson's outline holds wherever the audit is placed.
   */
  headingLevel?: 2 | 3;
};

/**
 * Spot the problem: a worked estimate with one wrong line. The learner picks the line; the server says which it was
 * and why, and sends the fix exercise, where the corrected value is typed and graded like any estimate.
 */
export function Audit({ question, previous, fixPrevious = null, source, headingLevel }: AuditProps) {
  const { status, submit, reset } = useQuestionAnswer(question.id, source, previous);
  const [picked, setPicked] = useState<string | null>(previous?.optionId ?? null);
  const [missing, setMissing] = useState(false);
  const verdictRef = useRef<HTMLDivElement>(null);
  const answered = status.kind === "answered";
  const fix = answered ? status.verdict.fix : undefined;
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "p";
  const baseId = useId();
  const headingId = `${baseId}-title`;
  const kickerId = `${baseId}-kicker`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked) {
      setMissing(true);
      return;
    }
    if (await submit(picked)) requestAnimationFrame(() => verdictRef.current?.focus());
  }

  return (
    <section
      aria-labelledby={`${kickerId} ${headingId}`}
      className="my-8 rounded-lg border border-border bg-surface p-5 shadow-sm"
    >
      {/* The region is named "Spot the problem <title>", never the same as an estimate's region beside it. */}
      <p id={kickerId} className="text-sm font-semibold uppercase tracking-wide text-muted">
        Spot the problem
      </p>
      <Heading id={headingId} className="mt-1 text-lg font-semibold">
        {question.title}
      </Heading>
      <p className="mt-2">{question.intro}</p>
      {question.source && <p className="mt-1 text-sm text-muted">Source: {question.source}</p>}
      <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        <OptionGroup
          legend="Which line is wrong?"
          options={question.lines}
          numbered
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
              {status.kind === "sending" ? "Checking…" : "Check the line"}
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
              Pick again
            </button>
          )}
        </div>
        <div ref={verdictRef} tabIndex={-1} aria-live="polite" className="outline-none">
          {missing && <p className="font-medium text-danger">Pick a line first.</p>}
          <QuestionVerdict
            status={status}
            rightText={`Right: line ${lineNumber(question, answered ? status.verdict.answer : "")} is wrong.`}
            wrongText={`Not that one: line ${lineNumber(question, answered ? status.verdict.answer : "")} is wrong.`}
          />
        </div>
      </form>
      {fix && (
        <div className="mt-2">
          <p className="mt-4 font-medium">Now put it right: what should that line give?</p>
          <Estimate
            key={fix.prompt.id}
            prompt={fix.prompt}
            token={fix.token}
            source={source}
            previous={fixPrevious}
            headingLevel={3}
          />
        </div>
      )}
    </section>
  );
}

function lineNumber(question: Extract<QuestionView, { kind: "audit" }>, optionId: string): number {
  return question.lines.findIndex((line) => line.id === optionId) + 1;
}
