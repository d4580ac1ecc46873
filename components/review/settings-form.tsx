"use client";

import { useState, type FormEvent } from "react";
import { outbox } from "@/components/net/outbox";
import { WorkloadTable } from "@/components/review/workload-table";
import { RETENTION_MAX, RETENTION_MIN } from "@/lib/srs/client";
import type { SettingsResponseBody, SettingsUpdate } from "@/lib/progress/client";

export type SettingsFormProps = {
  desiredRetention: number;
  timeZone: string;
  dayStartHour: number;
  newCardsPerDay: number;
  /** cards in the deck: when adding a module changes it, the workload table is worked out again */
  deckSize?: number;
};

/** Review settings: desired retention (with its workload trade-off), new cards a day, time zone, and when a day starts. */
export function SettingsForm(props: SettingsFormProps) {
  const [retention, setRetention] = useState(props.desiredRetention);
  // What the server holds, and how many saves so far: the workload table is worked out again after each save (new
  // cards a day change it too).
  const [saved, setSaved] = useState({ retention: props.desiredRetention, count: 0 });
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [dayStartHour, setDayStartHour] = useState(props.dayStartHour);
  // Kept as typed, so the server's message can say what is wrong with "abc" or "2.5".
  const [newCardsPerDay, setNewCardsPerDay] = useState(String(props.newCardsPerDay));
  const [message, setMessage] = useState("");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const update: SettingsUpdate = { desiredRetention: retention, timeZone, dayStartHour };
    // Sent as typed (an empty box as null), so the server's message can say what is wrong with "abc" or "2.5".
    const result = await outbox.write<SettingsResponseBody>({
      method: "PUT",
      url: "/api/settings",
      body: { ...update, newCardsPerDay: newCardsPerDay.trim() === "" ? null : Number(newCardsPerDay) },
      label: "your review settings",
    });
    if (result.kind === "ok") {
      setMessage("Saved.");
      setSaved((before) => ({ retention: result.data.settings.desiredRetention, count: before.count + 1 }));
    } else if (result.kind === "refused") setMessage(Object.values(result.issues).join(" ") || result.error);
    else if (result.kind === "queued")
      setMessage("Kept on this device; your settings will be saved when Envelope can be reached.");
    else setMessage("Your settings could not be saved. Try again.");
  }

  return (
    <form onSubmit={onSubmit} className="card space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="retention" className="block font-medium">
          Desired retention: {Math.round(retention * 100)}%
        </label>
        <input
          id="retention"
          type="range"
          min={RETENTION_MIN}
          max={RETENTION_MAX}
          step={0.01}
          value={retention}
          onChange={(e) => setRetention(Number(e.target.value))}
          aria-describedby="retention-hint"
          className="w-full max-w-md"
        />
        <p id="retention-hint" className="text-sm text-muted">
          The share of cards you still remember when they come due. Higher means more reviews each day; the table below
          works out how many with your own cards.
        </p>
        <WorkloadTable
          retention={retention}
          savedRetention={saved.retention}
          saves={saved.count}
          deckSize={props.deckSize ?? 0}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="new-per-day" className="block font-medium">
          New cards per day
        </label>
        <input
          id="new-per-day"
          type="number"
          inputMode="numeric"
          min={0}
          max={200}
          step={1}
          className="field-input w-32"
          value={newCardsPerDay}
          onChange={(e) => setNewCardsPerDay(e.target.value)}
          aria-describedby="new-per-day-hint"
        />
        <p id="new-per-day-hint" className="text-sm text-muted">
          0 to 200. New flashcards are introduced in course order, after the reviews that are due; each one brings a few
          reviews over the following days. Missed estimation steps always come back, whatever this limit.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="timezone" className="block font-medium">
            Time zone
          </label>
          <input
            id="timezone"
            className="field-input"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            aria-describedby="timezone-hint"
          />
          <p id="timezone-hint" className="text-sm text-muted">
            An IANA name such as Europe/Berlin; your browser says{" "}
            <button
              type="button"
              className="underline"
              onClick={() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)}
            >
              use mine
            </button>
            .
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="daystart" className="block font-medium">
            Next day starts at
          </label>
          <select
            id="daystart"
            className="field-input"
            value={dayStartHour}
            onChange={(e) => setDayStartHour(Number(e.target.value))}
          >
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {String(hour).padStart(2, "0")}:00
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary">
          Save settings
        </button>
        <span role="status" className="text-sm text-muted">
          {message}
        </span>
      </div>
    </form>
  );
}
