"use client";

import { useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from "react";
import {
  SCRATCHPAD_MAX_LINE_LENGTH,
  SCRATCHPAD_MAX_LINES,
  evaluateScratchpad,
  givenScope,
  type GivenPrompt,
} from "@/lib/engine/client";

export type ScratchpadProps = {
  /** The exercise's givens: their names are usable in any line. */
  givens: readonly GivenPrompt[];
  lines: readonly string[];
  onChange: (lines: string[]) => void;
  /** Ctrl/⌘+Enter in any line submits the exercise. */
  onSubmit: () => void;
  disabled?: boolean;
};

/**
 * A whiteboard beside an exercise: one line per step of the learner's own reasoning (`writes = dau * 2 / 1 day`,
 * `peak to MB/s`), each read live by the engine, with units, and echoed beside it. Enter adds a line, the arrows
 * move between lines, Backspace on an empty line removes it, Ctrl/⌘+Enter submits the exercise.
 */
export function Scratchpad({ givens, lines, onChange, onSubmit, disabled = false }: ScratchpadProps) {
  const baseId = useId();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const scope = useMemo(() => givenScope(givens), [givens]);
  const results = useMemo(() => evaluateScratchpad(lines, scope), [lines, scope]);

  // A line added or removed is focused as soon as it is in the page, before the next key is read.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    inputs.current[pendingFocus.current]?.focus();
    pendingFocus.current = null;
  });

  function focusLine(index: number) {
    const input = inputs.current[index];
    if (input && index < lines.length) input.focus();
    else pendingFocus.current = index;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      if (lines.length >= SCRATCHPAD_MAX_LINES) return;
      const next = [...lines];
      next.splice(index + 1, 0, "");
      pendingFocus.current = index + 1;
      onChange(next);
    } else if (event.key === "ArrowDown" && index < lines.length - 1) {
      event.preventDefault();
      focusLine(index + 1);
    } else if (event.key === "ArrowUp" && index > 0) {
      event.preventDefault();
      focusLine(index - 1);
    } else if (event.key === "Backspace" && lines[index] === "" && lines.length > 1) {
      event.preventDefault();
      pendingFocus.current = Math.max(0, index - 1);
      onChange(lines.filter((_, i) => i !== index));
    }
  }

  const names = Object.keys(scope);
  return (
    <div role="group" aria-labelledby={`${baseId}-title`} className="rounded-md border border-border bg-background p-3">
      <p id={`${baseId}-title`} className="text-sm font-semibold">
        Scratchpad
      </p>
      <p id={`${baseId}-help`} className="mt-1 text-xs text-muted">
        One line per step, with units: <code>peak = writes * 3</code>, <code>peak to MB/s</code>. Enter adds a line;
        Ctrl+Enter checks.
        {names.length > 0 && (
          <> Names you can use: {names.map((name, i) => [i > 0 ? ", " : "", <code key={name}>{name}</code>])}.</>
        )}
      </p>
      <ol className="mt-2 space-y-1">
        {lines.map((line, index) => {
          const result = results[index];
          const echoId = `${baseId}-echo-${index}`;
          return (
            <li key={index} className="flex flex-col gap-x-2 sm:flex-row sm:items-baseline">
              <span aria-hidden="true" className="w-5 shrink-0 text-right font-mono text-xs text-muted">
                {index + 1}
              </span>
              <input
                ref={(element) => {
                  inputs.current[index] = element;
                }}
                type="text"
                value={line}
                maxLength={SCRATCHPAD_MAX_LINE_LENGTH}
                disabled={disabled}
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="off"
                aria-label={`Scratchpad line ${index + 1}`}
                aria-describedby={`${echoId} ${baseId}-help`}
                onChange={(event) => onChange(lines.map((l, i) => (i === index ? event.target.value : l)))}
                onKeyDown={(event) => onKeyDown(event, index)}
                className="field-input min-w-0 flex-1 font-mono text-sm"
              />
              <span
                id={echoId}
                className={`min-h-5 text-sm sm:w-40 sm:shrink-0 ${result?.kind === "error" ? "text-danger" : "text-muted"}`}
              >
                {result?.kind === "value"
                  ? `= ${result.display}`
                  : result?.kind === "error" && line.trim() !== ""
                    ? result.message
                    : ""}
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="mt-2 text-sm underline"
        disabled={disabled || lines.length >= SCRATCHPAD_MAX_LINES}
        onClick={() => {
          pendingFocus.current = lines.length;
          onChange([...lines, ""]);
        }}
      >
        Add a line
      </button>
    </div>
  );
}
