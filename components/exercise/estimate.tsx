"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { ExerciseGrade, ExercisePrompt } from "@/lib/engine/client";
import type { AttemptSource } from "@/lib/progress/client";
import { AnswerField } from "./answer-field";
import { ChainFeedback } from "./chain-feedback";
import { GivensList } from "./givens-list";
import { StepVerdict } from "./step-verdict";
import { submitAttempt, type SubmitOutcome } from "./submit";

// What an exercise needs only once the learner acts (the reference sheet's dialog, the scratchpad and the worked
// solution, with the engine's evaluator) loads after the page, not with its first load.
const ReferencePanel = dynamic(() => import("@/components/reference/reference-panel").then((m) => m.ReferencePanel), {
  ssr: false,
  loading: () => (
    <button type="button" className="text-sm underline" disabled>
      Reference
    </button>
  ),
});
const Scratchpad = dynamic(() => import("./scratchpad").then((m) => m.Scratchpad), { ssr: false });
const WorkedSolution = dynamic(() => import("./worked-solution").then((m) => m.WorkedSolution), { ssr: false });

export type EstimateProps = {
  prompt: ExercisePrompt;
  /** Proves the seed was served by the server; sent back with the answers. */
  token: string;
  source: AttemptSource;
  /** The learner's latest attempt at this variant, shown on load. */
  previous?: {
    answers: Record<string, string>;
    grade: ExerciseGrade;
    createdAt: string;
    work?: { open: boolean; lines: string[] } | null;
  } | null;
  /** Show a running timer (drills). */
  timed?: boolean;
  /** Called after a graded submission (drills offer "another one"; lessons mark progress). */
  onGraded?: (grade: ExerciseGrade) => void;
  /** Called when the learner opens the worked solution: from then on these numbers are done (drills: "another one"). */
  onRevealed?: () => void;
  headingLevel?: 2 | 3;
};

type Status =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "graded"; grade: ExerciseGrade; saved: "now" | "earlier" | "recheck" | "kept" }
  | { kind: "error"; message: string };

/**
 * An estimation exercise: the scenario and givens, one answer field per step (echoing how each answer is read, with the
 * engine's parser), and, after the server grades it, a verdict per step and the worked solution.
 */
export function Estimate({
  prompt,
  token,
  source,
  previous,
  timed = false,
  onGraded,
  onRevealed,
  headingLevel = 3,
}: EstimateProps) {
  const baseId = useId();
  // The references stay hidden until asked for, so a learner can try again first; the first check is the one stored.
  const [revealed, setRevealed] = useState(() => previous != null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [answers, setAnswers] = useState<Record<string, string>>(() => previous?.answers ?? {});
  const open = prompt.question !== undefined;
  const [work, setWork] = useState<string[]>(() => (previous?.work?.lines.length ? previous.work.lines : [""]));
  // Open estimates are worked in the scratchpad; a stepped exercise offers it on request.
  const [showPad, setShowPad] = useState(() => open || (previous?.work?.lines.length ?? 0) > 0);
  const formRef = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<Status>(() =>
    previous ? { kind: "graded", grade: previous.grade, saved: "earlier" } : { kind: "idle" },
  );
  const [startedAt] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  const clientId = useRef<string | null>(null);
  const queued = useRef<Parameters<typeof submitAttempt>[0] | null>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const graded = status.kind === "graded" ? status.grade : null;
  const stepGrades = new Map((graded?.steps ?? []).map((step) => [step.id, step]));

  useEffect(() => {
    if (!timed || graded) return;
    const timer = setInterval(() => setElapsed(Date.now() - startedAt), 1000);
    return () => clearInterval(timer);
  }, [timed, graded, startedAt]);

  // An attempt queued while offline is resent (same client id, so stored once) when the browser is back online.
  useEffect(() => {
    const resend = async () => {
      const payload = queued.current;
      if (!payload) return;
      const outcome = await submitAttempt(payload);
      if (outcome.kind === "graded") {
        queued.current = null;
        clientId.current = null;
        setStatus({ kind: "graded", grade: outcome.grade, saved: "now" });
        onGraded?.(outcome.grade);
      }
    };
    window.addEventListener("online", resend);
    return () => window.removeEventListener("online", resend);
  }, [onGraded]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "sending" || revealed) return;
    if (prompt.steps.every((step) => !(answers[step.id] ?? "").trim())) {
      setStatus({
        kind: "error",
        message: open ? "Give your final answer before checking." : "Answer at least one step before checking.",
      });
      return;
    }
    clientId.current ??= crypto.randomUUID();
    setStatus({ kind: "sending" });
    const payload = {
      clientId: clientId.current,
      exerciseId: prompt.id,
      seed: prompt.seed,
      token,
      source,
      answers,
      elapsedMs: Date.now() - startedAt,
      ...(open ? { mode: "open" as const } : {}),
      ...(work.some((line) => line.trim() !== "") ? { work: work.filter((line) => line.trim() !== "") } : {}),
    };
    const outcome: SubmitOutcome = await submitAttempt(payload);
    if (outcome.kind === "graded") {
      queued.current = null;
      clientId.current = null;
      if (outcome.counted) setElapsed(Date.now() - startedAt);
      setStatus({
        kind: "graded",
        grade: outcome.grade,
        saved: outcome.kept ? "kept" : outcome.counted ? "now" : "recheck",
      });
      onGraded?.(outcome.grade);
      // The verdict is what the learner needs next: move focus there (without scrolling the page on a phone).
      requestAnimationFrame(() => summaryRef.current?.focus({ preventScroll: false }));
    } else if (outcome.kind === "queued") {
      queued.current = payload;
      setStatus({ kind: "error", message: outcome.message });
    } else {
      clientId.current = null;
      setStatus({ kind: "error", message: outcome.message });
    }
  }

  function reveal() {
    setRevealed(true);
    onRevealed?.();
  }

  return (
    <section
      aria-labelledby={`${baseId}-title`}
      className="my-8 rounded-lg border border-border bg-surface p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={`${baseId}-title`} className="text-lg font-semibold">
          {prompt.title}
        </Heading>
        <div className="flex items-center gap-3">
          {timed && <span className="text-sm tabular-nums text-muted">Time {formatElapsed(elapsed)}</span>}
          <ReferencePanel triggerClassName="text-sm underline" />
        </div>
      </div>
      {open && <p className="mt-1 text-sm font-medium text-muted">Open estimate: no steps are given.</p>}
      <p className="mt-2">{prompt.scenario}</p>
      {open && <p className="mt-2 font-semibold">{prompt.question}</p>}
      <GivensList givens={prompt.givens} className="mt-3" />
      {showPad ? (
        <div className="mt-4">
          <Scratchpad
            givens={prompt.givens}
            lines={work}
            onChange={setWork}
            onSubmit={() => formRef.current?.requestSubmit()}
            disabled={status.kind === "sending" || revealed}
          />
        </div>
      ) : (
        <button type="button" className="mt-3 text-sm underline" onClick={() => setShowPad(true)}>
          Work it out in a scratchpad
        </button>
      )}
      <form ref={formRef} onSubmit={onSubmit} className="mt-4 space-y-5" noValidate>
        <ol className="space-y-5">
          {prompt.steps.map((step, index) => (
            <li key={step.id} className="space-y-2">
              <AnswerField
                id={`${baseId}-${step.id}`}
                label={open ? "Your final answer" : `${index + 1}. ${step.prompt}`}
                step={step}
                value={answers[step.id] ?? ""}
                disabled={status.kind === "sending" || revealed}
                onChange={(value) => setAnswers((current) => ({ ...current, [step.id]: value }))}
              />
              {stepGrades.get(step.id) && <StepVerdict grade={stepGrades.get(step.id)!} revealed={revealed} />}
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          {!revealed && (
            <button type="submit" className="btn-primary" disabled={status.kind === "sending"}>
              {status.kind === "sending" ? "Checking…" : graded ? "Check again" : "Check my answers"}
            </button>
          )}
          {graded && !revealed && (
            <button type="button" className="btn-secondary" onClick={reveal}>
              Show the worked solution
            </button>
          )}
        </div>
        <div ref={summaryRef} tabIndex={-1} aria-live="polite" className="text-sm outline-none">
          {status.kind === "error" && <p className="font-medium text-danger">{status.message}</p>}
          {graded && (
            <p className="font-medium">
              Score: {Math.round(graded.score * 100)}%
              {status.kind === "graded" && status.saved === "earlier" ? " (your last attempt)" : ""}
              {status.kind === "graded" && status.saved === "recheck"
                ? " on this re-check (your first check is the one that counts)"
                : ""}
              {timed && status.kind === "graded" && status.saved === "now" ? ` in ${formatElapsed(elapsed)}` : ""}
            </p>
          )}
          {status.kind === "graded" && status.saved === "kept" && (
            <p className="mt-1">
              Kept on this device.{" "}
              <a href="/sign-up" className="underline">
                Sign up
              </a>{" "}
              to keep your answers in an account: the ones made here come with you.
            </p>
          )}
          {graded && !revealed && (
            <p className="mt-1 text-muted">
              Change any answer and check again, or show the worked solution when you are ready.
            </p>
          )}
        </div>
      </form>
      {graded?.chain && <ChainFeedback chain={graded.chain} />}
      {graded && revealed && (
        <WorkedSolution grade={graded} work={work.filter((line) => line.trim() !== "")} givens={prompt.givens} />
      )}
    </section>
  );
}

function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
