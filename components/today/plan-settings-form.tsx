"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { outbox } from "@/components/net/outbox";
import type { SettingsResponseBody } from "@/lib/progress/client";

/** The minutes a day offered; the server accepts any whole number from 10 to 240. */
const MINUTE_CHOICES = [15, 20, 30, 45, 60, 90, 120];

export type PlanSettingsFormProps = {
  interviewDay: string | null;
  minutesPerDay: number;
  /** the learner's day (YYYY-MM-DD): the earliest interview date the picker offers */
  today: string;
  submitLabel: string;
  /** also store the browser's time zone (a new learner's days are cut where they live) */
  setTimeZone?: boolean;
  /** called after the server stored the settings; without it the page refreshes */
  onSaved?: () => void;
};

/** The plan's two inputs: the interview date (optional) and the minutes a day. */
export function PlanSettingsForm(props: PlanSettingsFormProps) {
  const router = useRouter();
  const id = useId();
  const [hasDate, setHasDate] = useState(props.interviewDay !== null || props.setTimeZone === true);
  const [day, setDay] = useState(props.interviewDay ?? "");
  const [minutes, setMinutes] = useState(props.minutesPerDay);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sending, setSending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (hasDate && day === "") {
      setMessage({ text: "Pick the day of your interview, or choose “No date yet”.", error: true });
      return;
    }
    setSending(true);
    const result = await outbox.write<SettingsResponseBody>({
      method: "PUT",
      url: "/api/settings",
      body: {
        interviewDay: hasDate ? day : null,
        minutesPerDay: minutes,
        ...(props.setTimeZone ? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } : {}),
      },
      label: "your plan",
    });
    setSending(false);
    if (result.kind === "ok") {
      setMessage({ text: "Saved.", error: false });
      if (props.onSaved) props.onSaved();
      else router.refresh();
    } else if (result.kind === "refused") {
      setMessage({ text: Object.values(result.issues)[0] ?? result.error, error: true });
    } else if (result.kind === "queued") {
      setMessage({ text: "Kept on this device; your plan will be saved when Envelope can be reached.", error: false });
    } else {
      setMessage({ text: "Your plan could not be saved: the server did not answer. Try again.", error: true });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <fieldset className="space-y-2">
        <legend className="font-medium">When is your interview?</legend>
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-has-date`} checked={hasDate} onChange={() => setHasDate(true)} />
            On a date
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-has-date`} checked={!hasDate} onChange={() => setHasDate(false)} />
            No date yet
          </label>
        </div>
        {hasDate && (
          <div className="space-y-1">
            <label htmlFor={`${id}-day`} className="block text-sm font-medium">
              Interview date
            </label>
            <input
              id={`${id}-day`}
              type="date"
              className="field-input w-48"
              min={props.today}
              value={day}
              onChange={(e) => setDay(e.target.value)}
              aria-describedby={`${id}-day-hint`}
            />
            <p id={`${id}-day-hint`} className="text-sm text-muted">
              The plan spreads the course over the days until then, and your reviews aim at that day.
            </p>
          </div>
        )}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-minutes`} className="block font-medium">
          Minutes a day
        </label>
        <select
          id={`${id}-minutes`}
          className="field-input w-40"
          value={minutes}
          onChange={(e) => setMinutes(Number(e.target.value))}
        >
          {[...new Set([...MINUTE_CHOICES, props.minutesPerDay])]
            .sort((a, b) => a - b)
            .map((choice) => (
              <option key={choice} value={choice}>
                {choice} minutes
              </option>
            ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={sending}>
          {sending ? "Saving…" : props.submitLabel}
        </button>
        <p role="status" className={message?.error ? "text-sm text-danger" : "text-sm text-muted"}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
