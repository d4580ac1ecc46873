"use client";

import Link from "next/link";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { Estimate, type EstimateProps } from "@/components/exercise/estimate";
import { useLearner } from "@/components/layout/learner";
import { Playground, type PlaygroundProps } from "@/components/playground/playground";
import { Audit } from "@/components/question/audit";
import { Judgement } from "@/components/question/judgement";
import type { LessonStateResponseBody, ServedQuestion } from "@/lib/progress/client";
import { LessonTracker } from "./lesson-tracker";

/**
 * What the lesson page knows of the learner: `loading` until the browser knows who is signed in (and, for a learner,
 * until their part of the page has arrived), `visitor` without an account, `unavailable` when it could not be fetched.
 */
export type LessonState =
  { kind: "loading" } | { kind: "visitor" } | { kind: "unavailable" } | ({ kind: "learner" } & LessonStateResponseBody);

const LessonStateContext = createContext<LessonState>({ kind: "loading" });

/**
 * Fetches the signed-in learner's part of a lesson page (the page is prerendered the same for everyone): their last
 * answers, completion and prerequisites. Exercises render at once with the lesson's numbers and take the learner's
 * last answers when they arrive.
 */
export function LessonStateProvider({ lessonId, children }: { lessonId: string; children: ReactNode }) {
  const { source, learner } = useLearner();
  const learnerId = learner?.id ?? null;
  // What the server said, and for which learner and lesson: a state fetched for another (or none yet) is not shown.
  const [fetched, setFetched] = useState<{ for: string; state: LessonState } | null>(null);
  useEffect(() => {
    if (source === "unknown" || learnerId === null) return;
    let active = true;
    const settle = (state: LessonState) => {
      if (active) setFetched({ for: `${learnerId}:${lessonId}`, state });
    };
    void (async () => {
      try {
        const response = await fetch(`/api/lessons/${encodeURIComponent(lessonId)}/state`, { cache: "no-store" });
        // 401: the learner this device remembered is no longer signed in; the header will say so in a moment.
        if (response.status === 401) settle({ kind: "visitor" });
        else if (!response.ok) settle({ kind: "unavailable" });
        else settle({ kind: "learner", ...((await response.json()) as LessonStateResponseBody) });
      } catch {
        settle({ kind: "unavailable" });
      }
    })();
    return () => {
      active = false;
    };
  }, [lessonId, learnerId, source]);
  const state: LessonState =
    source === "unknown"
      ? { kind: "loading" }
      : learnerId === null
        ? { kind: "visitor" }
        : fetched?.for === `${learnerId}:${lessonId}`
          ? fetched.state
          : { kind: "loading" };
  return <LessonStateContext.Provider value={state}>{children}</LessonStateContext.Provider>;
}

function useLessonState(): LessonState {
  return useContext(LessonStateContext);
}

type LessonEstimateProps = Pick<EstimateProps, "prompt" | "token">;

/**
 * A lesson's exercise with the learner's last answer once it has arrived. It is mounted afresh when an answer
 * arrives, so the exercise opens graded, as it was left.
 */
export function LessonEstimate({ prompt, token }: LessonEstimateProps) {
  const state = useLessonState();
  const previous = state.kind === "learner" ? (state.estimates[prompt.id] ?? null) : null;
  return (
    <Estimate key={previous ? "answered" : "new"} prompt={prompt} token={token} previous={previous} source="lesson" />
  );
}

/** A playground whose prediction takes the learner's last answer once it has arrived. */
export function LessonPlayground({ kind, estimate }: PlaygroundProps) {
  const state = useLessonState();
  const previous = state.kind === "learner" ? (state.estimates[estimate.prompt.id] ?? null) : null;
  return <Playground key={previous ? "answered" : "new"} kind={kind} estimate={{ ...estimate, previous }} />;
}

/** A lesson's judgement question or audit, with the learner's last answer once it has arrived. */
export function LessonQuestion({ served }: { served: ServedQuestion }) {
  const state = useLessonState();
  const own = state.kind === "learner" ? state.questions[served.question.id] : undefined;
  const previous = own?.previous ?? null;
  const key = previous || own?.fixPrevious ? "answered" : "new";
  return served.question.kind === "judgement" ? (
    <Judgement key={key} question={served.question} previous={previous} source="lesson" />
  ) : (
    <Audit
      key={key}
      question={served.question}
      previous={previous}
      fixPrevious={own?.fixPrevious ? { ...own.fixPrevious, work: null } : null}
      source="lesson"
    />
  );
}

/** The lessons this one builds on that the learner has not completed, as a note under the title. */
export function MissingPrerequisites() {
  const state = useLessonState();
  if (state.kind !== "learner" || state.missingPrerequisites.length === 0) return null;
  return (
    <p className="rounded-md bg-accent-soft p-3 text-sm">
      This lesson builds on{" "}
      {state.missingPrerequisites.map((lesson, i) => (
        <span key={lesson.id}>
          {i > 0 ? ", " : ""}
          <Link href={`/learn/${lesson.id}`} className="underline">
            {lesson.title}
          </Link>
        </span>
      ))}
      . You can read on, or start there.
    </p>
  );
}

/**
 * The end of a lesson: for a learner, what completing it does, and the tracking of it (started as soon as the learner
 * is known, without waiting for their answers to arrive); for a visitor, what an account keeps.
 */
export function LessonEnd({ lessonId }: { lessonId: string }) {
  const state = useLessonState();
  const { learner } = useLearner();
  if (state.kind === "visitor")
    return (
      <p className="rounded-md bg-accent-soft p-3 text-sm">
        You are practising without an account: your answers are kept on this device.{" "}
        <Link href={`/sign-up?callbackUrl=/learn/${lessonId}`} className="underline">
          Sign up
        </Link>{" "}
        to keep your progress and get review cards for what you miss.
      </p>
    );
  if (!learner) return <p className="min-h-5 text-sm text-muted" aria-hidden="true" />;
  return <LessonTracker lessonId={lessonId} completed={state.kind === "learner" && state.completed} />;
}
