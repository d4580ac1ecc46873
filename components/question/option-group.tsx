"use client";

import { useId } from "react";

export type OptionGroupProps = {
  legend: React.ReactNode;
  options: { id: string; text: string; label?: string }[];
  value: string | null;
  onChange: (optionId: string) => void;
  disabled: boolean;
  /** after the verdict: the right option, marked in words (never colour alone), and the learner's pick */
  answer?: string | undefined;
  numbered?: boolean;
};

/** A radio group of a question's options (arrow keys move between them, as native radios do). */
export function OptionGroup({
  legend,
  options,
  value,
  onChange,
  disabled,
  answer,
  numbered = false,
}: OptionGroupProps) {
  const name = useId();
  const List = numbered ? "ol" : "ul";
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-medium">{legend}</legend>
      <List className="space-y-2">
        {options.map((option, index) => {
          const right = answer === option.id;
          const picked = value === option.id;
          const tone =
            answer === undefined
              ? "border-border"
              : right
                ? "border-success bg-success-soft"
                : picked
                  ? "border-danger bg-danger-soft"
                  : "border-border";
          return (
            <li key={option.id}>
              <label
                className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${tone}`}
              >
                <input
                  type="radio"
                  name={name}
                  value={option.id}
                  className="mt-1 shrink-0"
                  checked={picked}
                  disabled={disabled}
                  onChange={() => onChange(option.id)}
                />
                <span className="min-w-0 break-words">
                  {numbered && <span className="mr-2 font-semibold tabular-nums">{option.label ?? index + 1}</span>}
                  {option.text}
                  {answer !== undefined && right && (
                    <span className="ml-2 font-semibold text-success">(right answer)</span>
                  )}
                  {answer !== undefined && picked && !right && (
                    <span className="ml-2 font-semibold text-danger">(your answer)</span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </List>
    </fieldset>
  );
}
