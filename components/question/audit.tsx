"use client";

import { useId } from "react";
import { Estimate, type EstimateProps } from "@/components/exercise/estimate";
import type { QuestionAnswered, QuestionSource, QuestionView } from "@/lib/progress/client";
import { ChoiceForm } from "./choice-form";

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
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "p";
  const baseId = useId();
  const headingId = `${baseId}-title`;
  const kickerId = `${baseId}-kicker`;

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
      <ChoiceForm
        questionId={question.id}
        source={source}
        previous={previous}
        legend="Which line is wrong?"
        options={question.lines}
        numbered
        className="mt-4 space-y-4"
        labels={{ check: "Check the line", again: "Pick again", missing: "Pick a line first." }}
        verdictText={(answer) => ({
          right: `Right: line ${lineNumber(question, answer)} is wrong.`,
          wrong: `Not that one: line ${lineNumber(question, answer)} is wrong.`,
        })}
        after={(status) => {
          const fix = status.kind === "answered" ? status.verdict.fix : undefined;
          return (
            fix && (
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
            )
          );
        }}
      />
    </section>
  );
}

function lineNumber(question: Extract<QuestionView, { kind: "audit" }>, optionId: string): number {
  return question.lines.findIndex((line) => line.id === optionId) + 1;
}
