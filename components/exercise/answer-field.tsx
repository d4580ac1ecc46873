"use client";

import { useDeferredValue, useEffect, useSyncExternalStore } from "react";
import type { parseQuantity, StepPrompt } from "@/lib/engine/client";
import { MAX_ANSWER_LENGTH } from "@/lib/progress/client";

type Parse = typeof parseQuantity;

// The engine's reader, loaded when an answer box first has something to read (or is focused), not with the page:
// most of a lesson is read before anything is typed.
let parser: Parse | null = null;
let loading: Promise<void> | null = null;
const parserListeners = new Set<() => void>();

function loadParser() {
  loading ??= import("@/lib/engine/client").then(
    (engine) => {
      parser = engine.parseQuantity;
      for (const listener of parserListeners) listener();
    },
    () => {
      loading = null; // offline and not cached: try again on the next keystroke
    },
  );
}

function useParser(): Parse | null {
  return useSyncExternalStore(
    (listener) => {
      parserListeners.add(listener);
      return () => parserListeners.delete(listener);
    },
    () => parser,
    () => null,
  );
}

export type AnswerFieldProps = {
  id: string;
  label: string;
  step: StepPrompt;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
};

/** How the answer is read, in words, and whether that is something this step can grade. */
function echoOf(parse: Parse, typed: string, step: StepPrompt): { text: string; problem: boolean } | null {
  if (!typed.trim()) return null;
  const parsed = parse(typed, { expect: step.unit });
  if (!parsed.ok) return { text: parsed.error, problem: true };
  // The echo and the grade must agree: a single number on a range step (or a range on a number step) is not graded.
  if (step.kind === "range" && parsed.quantity.range === null) {
    return {
      text: `${parsed.read}, but this step asks for a range: the low end, a dash, then the high end.`,
      problem: true,
    };
  }
  if (step.kind === "number" && parsed.quantity.range !== null) {
    return { text: `${parsed.read}, but this step asks for one number, not a range.`, problem: true };
  }
  return { text: parsed.read, problem: false };
}

/** One answer box. As the learner types, it says how the engine reads the answer (the parser only, never a grade). */
export function AnswerField({ id, label, step, value, disabled, onChange }: AnswerFieldProps) {
  const typed = useDeferredValue(value);
  const parse = useParser();
  useEffect(() => {
    if (typed.trim()) loadParser();
  }, [typed]);
  const echo = parse ? echoOf(parse, typed, step) : null;
  const unitHint = step.unit ? `in ${step.unit}` : "a number";
  const placeholder = step.kind === "range" ? "low-high" : "Your estimate";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {/* No example numbers here: any example could contain the answer. */}
        {step.kind === "range"
          ? `Give an 80% range (${unitHint}): the low end, a dash, then the high end.`
          : `Answer ${unitHint}.`}
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
        maxLength={MAX_ANSWER_LENGTH}
        disabled={disabled}
        aria-describedby={`${id}-hint ${id}-echo`}
        onFocus={loadParser}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-echo`} className={`min-h-5 text-sm ${echo?.problem ? "text-danger" : "text-muted"}`}>
        {echo?.text ?? ""}
      </p>
    </div>
  );
}
