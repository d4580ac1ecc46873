"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Estimate } from "@/components/exercise/estimate";
import { sendJson } from "@/components/net/send";
import type { ExercisePrompt } from "@/lib/engine/client";
import type { VariantResponseBody } from "@/lib/progress/client";

export type DrillRunnerProps = { drillId: string; initial: { prompt: ExercisePrompt; token: string } };

/**
 * One drill, run after run: a timed exercise, then "Another one" fetches a fresh seeded variant. The learner plays
 * it stepped (each step asked) or open (only the question: they choose the decomposition in the scratchpad).
 */
export function DrillRunner({ drillId, initial }: DrillRunnerProps) {
  const router = useRouter();
  const [variant, setVariant] = useState(initial);
  const open = variant.prompt.question !== undefined;
  const [graded, setGraded] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function another(playOpen = open) {
    setLoading(true);
    setError(null);
    try {
      const result = await sendJson<VariantResponseBody>("POST", "/api/variants", { drillId, open: playOpen });
      if (result.kind !== "ok") throw new Error(result.kind === "refused" ? result.error : "unreachable");
      setVariant(result.data);
      setGraded(false);
      setRevealed(false);
    } catch {
      setError("A new variant could not be loaded. Check your connection and try again.");
    } finally {
      setLoading(false);
    }
  }

  return (
    <div>
      <div role="group" aria-label="How to play this drill" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted">Play it</span>
        {[
          { value: false, label: "Stepped", hint: "each step asked" },
          { value: true, label: "Open", hint: "only the question" },
        ].map((mode) => (
          <button
            key={mode.label}
            type="button"
            aria-pressed={open === mode.value}
            className={open === mode.value ? "btn-primary" : "btn-secondary"}
            disabled={loading}
            onClick={() => {
              if (open !== mode.value) void another(mode.value);
            }}
          >
            {mode.label} <span className="sr-only">({mode.hint})</span>
          </button>
        ))}
      </div>
      <Estimate
        key={`${variant.prompt.seed}-${open ? "open" : "stepped"}`}
        prompt={variant.prompt}
        token={variant.token}
        source="drill"
        timed
        headingLevel={2}
        onGraded={() => {
          setGraded(true);
          router.refresh();
        }}
        onRevealed={() => setRevealed(true)}
      />
      <div className="flex flex-wrap items-center gap-3">
        {/* Once the references are shown these numbers are done: fresh numbers become the next step. */}
        <button
          type="button"
          className={revealed ? "btn-primary" : "btn-secondary"}
          onClick={() => void another()}
          disabled={loading}
        >
          {loading ? "Loading…" : graded ? "Another one" : "Skip: give me other numbers"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
