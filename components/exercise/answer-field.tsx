"use client";

import { useDeferredValue } from "react";
import { parseQuantity, type StepPrompt } from "@/lib/engine/client";

export type AnswerFieldProps = {
  id: string;
  label: string;
  step: StepPrompt;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
};

/** One answer box. As the learner types, it says how the engine reads the answer (the parser only, never a grade). */
export function AnswerField({ id, label, step, value, disabled, onChange }: AnswerFieldProps) {
  const typed = useDeferredValue(value);
  const echo = typed.trim() ? parseQuantity(typed, { expect: step.unit }) : null;
  const unitHint = step.unit ? `in ${step.unit}` : "a number";
  const placeholder = step.kind === "range" ? "low-high" : "Your estimate";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {step.kind === "range" ? `Give an 80% range (${unitHint}): low-high, such as 20-50.` : `Answer ${unitHint}.`}
        {step.hint ? ` ${step.hint}` : ""}
      </p>
      <input
        id={id}
        name={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        className="field-input max-w-md font-mono"
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-hint ${id}-echo`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-echo`} className={`min-h-5 text-sm ${echo && !echo.ok ? "text-danger" : "text-muted"}`} aria-live="polite">
        {echo ? (echo.ok ? echo.read : echo.error) : ""}
      </p>
    </div>
  );
}
