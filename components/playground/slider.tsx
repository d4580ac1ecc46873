"use client";

import { useId } from "react";

export type SliderProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** how the value reads beside the slider ("90 %", "12 ms") */
  format: (value: number) => string;
  onChange: (value: number) => void;
};

/** A labelled range input with its value in words: arrows, Page Up/Down, Home and End move it. */
export function Slider({ label, value, min, max, step = 1, format, onChange }: SliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <output htmlFor={id} className="text-sm tabular-nums">
        {text}
      </output>
      <input
        id={id}
        type="range"
        className="col-span-2 w-full accent-[var(--accent)]"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={text}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </div>
  );
}

/** A figure's headline numbers, announced when they change. */
export function Readout({ items }: { items: { label: string; value: string; testId?: string }[] }) {
  return (
    <dl aria-live="polite" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="rounded-md bg-surface p-2">
          <dt className="text-xs text-muted">{item.label}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Numbers as the lessons print them: grouped thousands, at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "∞";
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A starting value from a given, kept inside the slider's range (a missing or unreadable given takes `min`). */
export function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)} %`;
}
