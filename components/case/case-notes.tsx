"use client";

import { useEffect, useId, useRef, useState } from "react";
import { MAX_CASE_NOTES, type CaseWrite } from "@/lib/progress/client";
import { useCaseWrite } from "./use-case-write";

export type CaseNotesProps = {
  caseId: string;
  step: Extract<CaseWrite, { kind: "notes" }>["step"];
  initial: string;
  label: string;
};

type Saved = "saved" | "saving" | "unsaved";

/**
 * The notes box of a stage: saved as the learner types (a second after they stop), kept with their progress and
 * resumable on another device. Past the limit nothing is sent and nothing typed is lost: the box keeps it and says so.
 */
export function CaseNotes({ caseId, step, initial, label }: CaseNotesProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState<Saved>("saved");
  const last = useRef(initial);
  const { write, error, queued } = useCaseWrite();
  const tooLong = text.length > MAX_CASE_NOTES;

  useEffect(() => {
    if (text === last.current || text.length > MAX_CASE_NOTES) return;
    const timer = setTimeout(async () => {
      setSaved("saving");
      const ok = await write({ kind: "notes", caseId, step, text }, { refresh: false });
      if (ok) last.current = text;
      setSaved(ok ? "saved" : "unsaved");
    }, 800);
    return () => clearTimeout(timer);
  }, [text, caseId, step, write]);

  const status = tooLong
    ? `${text.length.toLocaleString("en-US")} characters: notes are at most ${MAX_CASE_NOTES.toLocaleString("en-US")} per stage. Nothing you typed is lost; shorten them and they will save.`
    : saved === "saving"
      ? "Saving…"
      : saved === "unsaved"
        ? (error ?? "Not saved yet.")
        : queued
          ? "Kept on this device; it will be saved when Envelope can be reached."
          : "Saved.";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setSaved("unsaved");
        }}
        rows={8}
        aria-describedby={`${id}-status`}
        className="field-input w-full font-mono text-sm"
        placeholder="Write what you would say at the whiteboard: questions, numbers, components, trade-offs."
      />
      <p id={`${id}-status`} role="status" className={`text-sm ${tooLong ? "text-danger" : "text-muted"}`}>
        {status}
      </p>
    </div>
  );
}
