"use client";

import { useId, useState } from "react";
import { useCaseWrite } from "./use-case-write";

export type CaseChoiceProps = {
  caseId: string;
  choiceId: string;
  question: string;
  options: { id: string; text: string }[];
  picked: string | null;
  /** after the reveal: the right option and why (never sent before) */
  answer?: { optionId: string; why: string };
};

/** A design decision an interviewer would probe: pick before the reveal; after it, the right option and the reason. */
export function CaseChoice({ caseId, choiceId, question, options, picked, answer }: CaseChoiceProps) {
  const id = useId();
  const [value, setValue] = useState(picked);
  const { write, error } = useCaseWrite();
  return (
    <fieldset className="space-y-2 rounded-md border border-border p-4">
      <legend className="px-1 font-medium">{question}</legend>
      {options.map((option) => {
        const right = answer?.optionId === option.id;
        return (
          <label key={option.id} className="flex items-start gap-2">
            <input
              type="radio"
              name={id}
              className="mt-1"
              checked={value === option.id}
              disabled={answer !== undefined}
              onChange={() => {
                setValue(option.id);
                void write({ kind: "choice", caseId, choiceId, optionId: option.id }, { refresh: false });
              }}
            />
            <span>
              {option.text}
              {answer && right && (
                <span className="ml-2 font-semibold text-success">(the reference&apos;s choice)</span>
              )}
            </span>
          </label>
        );
      })}
      {answer && (
        <p className="text-sm">
          <span className="font-semibold">
            {value === answer.optionId
              ? "Same choice as the reference. "
              : value
                ? "The reference chose differently. "
                : "Not answered. "}
          </span>
          {answer.why}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
