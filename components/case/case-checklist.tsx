"use client";

import { useState } from "react";
import { useCaseWrite } from "./use-case-write";

type Mark = "covered" | "partly" | "missed";

export type ChecklistItem = {
  id: string;
  point: string;
  /** the synonyms of each concept the rule looks for, and which one the notes matched (null: none) */
  concepts: { words: string[]; matched: string | null }[];
  premark: Mark;
  confirmed: Mark | null;
};

export type CaseChecklistProps = { caseId: string; items: ChecklistItem[] };

const LABELS: Record<Mark, string> = { covered: "Covered", partly: "Partly", missed: "Missed" };

/**
 * The key points of the reference. Envelope pre-marks each from the learner's notes with the rule shown under it; the
 * learner confirms or corrects every mark (a missed point becomes a review card).
 */
export function CaseChecklist({ caseId, items }: CaseChecklistProps) {
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(items.map((item) => [item.id, item.confirmed ?? item.premark])),
  );
  const [confirmed, setConfirmed] = useState<Set<string>>(
    () => new Set(items.filter((item) => item.confirmed).map((item) => item.id)),
  );
  const { write, error } = useCaseWrite();

  async function mark(id: string, value: Mark) {
    setMarks((current) => ({ ...current, [id]: value }));
    if (await write({ kind: "mark", caseId, pointId: id, mark: value }, { refresh: false }))
      setConfirmed((current) => new Set(current).add(id));
  }

  return (
    <section aria-label="Checklist" className="space-y-3">
      <h3 className="font-semibold">Checklist: did your notes cover these?</h3>
      <ol className="space-y-3">
        {items.map((item) => {
          const matched = item.concepts.map((c) => c.matched).filter((word): word is string => word !== null);
          return (
            <li key={item.id} className="rounded-md border border-border p-3">
              <p>{item.point}</p>
              <p className="mt-1 text-sm text-muted">
                {matched.length > 0 ? `Matched: ${matched.join(", ")}.` : "Nothing in your notes matched."} Rule:{" "}
                {item.concepts.map((c) => c.words.join(" / ")).join(" + ")}.
              </p>
              <div role="group" aria-label={`Mark: ${item.point}`} className="mt-2 flex flex-wrap gap-2">
                {(["covered", "partly", "missed"] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    aria-pressed={marks[item.id] === value}
                    className={marks[item.id] === value ? "btn-primary" : "btn-secondary"}
                    onClick={() => void mark(item.id, value)}
                  >
                    {LABELS[value]}
                  </button>
                ))}
                <span className="self-center text-sm text-muted">
                  {confirmed.has(item.id) ? "confirmed" : "suggested from your notes"}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
