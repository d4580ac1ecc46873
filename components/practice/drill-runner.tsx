"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Estimate } from "@/components/exercise/estimate";
import { sendJson } from "@/components/net/send";
import type { ExercisePrompt } from "@/lib/engine/client";
import type { VariantResponseBody } from "@/lib/progress/client";

export type DrillRunnerProps = { drillId: string; initial: { prompt: ExercisePrompt; token: string } };

/** One drill, run after run: a timed exercise, then "Another one" fetches a fresh seeded variant. */
export function DrillRunner({ drillId, initial }: DrillRunnerProps) {
  const router = useRouter();
  const [variant, setVariant] = useState(initial);
  const [graded, setGraded] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function another() {
    setLoading(true);
    setError(null);
    try {
      const result = await sendJson<VariantResponseBody>("POST", "/api/variants", { drillId });
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
      <Estimate
        key={`${variant.prompt.seed}`}
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
          onClick={another}
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
