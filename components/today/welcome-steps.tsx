"use client";

import { useRef, useState } from "react";
import { Placement, type PlacementQuestion } from "./placement";
import { PlanSettingsForm } from "./plan-settings-form";

export type WelcomeStepsProps = {
  today: string;
  interviewDay: string | null;
  minutesPerDay: number;
  questions: PlacementQuestion[];
};

/** Onboarding in two steps: the plan's date and minutes, then the placement drill. */
export function WelcomeSteps(props: WelcomeStepsProps) {
  const [step, setStep] = useState<1 | 2>(1);
  const placementHeading = useRef<HTMLHeadingElement>(null);
  return (
    <ol className="space-y-6">
      <li aria-current={step === 1 ? "step" : undefined} className="card space-y-4">
        <h2 className="text-xl font-semibold">1. Your date and your time</h2>
        {step === 1 ? (
          <PlanSettingsForm
            today={props.today}
            interviewDay={props.interviewDay}
            minutesPerDay={props.minutesPerDay}
            submitLabel="Save and continue"
            setTimeZone
            onSaved={() => {
              setStep(2);
              requestAnimationFrame(() => placementHeading.current?.focus());
            }}
          />
        ) : (
          <p className="text-sm text-muted">
            Saved.{" "}
            <button type="button" className="underline" onClick={() => setStep(1)}>
              Change it
            </button>
          </p>
        )}
      </li>
      <li aria-current={step === 2 ? "step" : undefined} className="card space-y-4">
        <h2 ref={placementHeading} tabIndex={-1} className="text-xl font-semibold outline-none">
          2. A five-minute placement
        </h2>
        {step === 2 ? (
          <>
            <p className="text-muted">
              {props.questions.length} short estimates across the skills every case leans on. Type numbers the way you
              would write them (46k, 3 TB/day, 25 Gbps). What you miss decides which drills your plan starts with.
            </p>
            <Placement questions={props.questions} />
          </>
        ) : (
          <p className="text-sm text-muted">Next: {props.questions.length} short estimates to place you.</p>
        )}
      </li>
    </ol>
  );
}
