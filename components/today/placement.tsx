"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Estimate } from "@/components/exercise/estimate";
import { outbox } from "@/components/net/outbox";
import type { ExercisePrompt } from "@/lib/engine/client";
import type { SettingsResponseBody } from "@/lib/progress/client";

export type PlacementQuestion = {
  drillId: string;
  skill: string;
  variant: { prompt: ExercisePrompt; token: string };
};

/**
 * The placement drill: a few short estimates across the core skills, one after the other. Each is graded and stored
 * like any drill, so the plan's drills start from the learner's weakest skill. Skipping is fine: the plan then starts
 * from the course order.
 */
export function Placement({ questions }: { questions: PlacementQuestion[] }) {
  const router = useRouter();
  const [index, setIndex] = useState(0);
  const [graded, setGraded] = useState<boolean[]>(() => questions.map(() => false));
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const question = questions[index];
  const last = index === questions.length - 1;

  async function finish() {
    setFinishing(true);
    setError(null);
    const result = await outbox.write<SettingsResponseBody>({
      method: "PUT",
      url: "/api/settings",
      body: { onboarded: true },
      label: "finishing the placement",
    });
    if (result.kind === "ok") {
      router.push("/today");
      router.refresh();
      return;
    }
    setFinishing(false);
    setError(
      result.kind === "refused"
        ? result.error
        : result.kind === "queued"
          ? "Kept on this device: your placement will be saved when Envelope can be reached."
          : "The server did not answer. Check your connection and try again.",
    );
  }

  function next() {
    setIndex(index + 1);
    // Move focus to the new question's heading, so keyboard and screen-reader users start there.
    requestAnimationFrame(() => heading.current?.focus());
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 ref={heading} tabIndex={-1} className="font-semibold outline-none">
          Question {index + 1} of {questions.length}
          {question ? <span className="font-normal text-muted"> · {question.skill}</span> : null}
        </h3>
        <button type="button" className="btn-secondary" onClick={() => void finish()} disabled={finishing}>
          Skip the placement
        </button>
      </div>
      {question && (
        <Estimate
          key={question.drillId}
          prompt={question.variant.prompt}
          token={question.variant.token}
          source="drill"
          timed
          headingLevel={3}
          onGraded={() => setGraded((marks) => marks.map((mark, i) => mark || i === index))}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        {last ? (
          <button
            type="button"
            className={graded[index] ? "btn-primary" : "btn-secondary"}
            onClick={() => void finish()}
            disabled={finishing}
          >
            {finishing ? "Making your plan…" : "See my plan"}
          </button>
        ) : (
          <button type="button" className={graded[index] ? "btn-primary" : "btn-secondary"} onClick={next}>
            {graded[index] ? "Next question" : "Skip this one"}
          </button>
        )}
        {error && (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
