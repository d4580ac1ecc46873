// The stage machine of a case: one stage at a time, work first, then reveal, then move on. The curveball is a stage of
// its own, right after the stage the case names. Pure: the state is data, an event gives the next state or a refusal.

import { CASE_STAGES, type CaseStage } from "./stage-names";

export type CaseStep = CaseStage | "curveball";

/** Where a learner is in a case: the current step and whether its reference is revealed; "done" after the wrap-up. */
export type CaseState = { readonly step: CaseStep | "done"; readonly revealed: boolean };

export type CaseEvent = { readonly kind: "reveal" } | { readonly kind: "next" };

export type Transition = { ok: true; state: CaseState } | { ok: false; message: string };

export const START: CaseState = { step: "requirements", revealed: false };

/** The steps of a case in order, with the curveball after `curveballAfter`. */
export function caseSteps(curveballAfter: CaseStage): CaseStep[] {
  return CASE_STAGES.flatMap((stage): CaseStep[] => (stage === curveballAfter ? [stage, "curveball"] : [stage]));
}

/**
 * The next state: `reveal` shows the current step's reference (once), `next` moves on once it is revealed.
 * Anything else is refused with a message that says why.
 */
export function advanceCase(state: CaseState, event: CaseEvent, curveballAfter: CaseStage): Transition {
  if (state.step === "done")
    return { ok: false, message: "This case is finished; start it again to practise once more." };
  if (event.kind === "reveal") {
    if (state.revealed) return { ok: false, message: "This stage is already revealed." };
    return { ok: true, state: { step: state.step, revealed: true } };
  }
  if (!state.revealed) return { ok: false, message: "Reveal this stage's reference before moving on." };
  const steps = caseSteps(curveballAfter);
  const next = steps[steps.indexOf(state.step) + 1];
  return { ok: true, state: next === undefined ? { step: "done", revealed: false } : { step: next, revealed: false } };
}

/** Whether the learner has reached `step` (it is the current step or an earlier one). */
export function hasReached(state: CaseState, step: CaseStep, curveballAfter: CaseStage): boolean {
  if (state.step === "done") return true;
  const steps = caseSteps(curveballAfter);
  return steps.indexOf(step) <= steps.indexOf(state.step);
}

/** Whether `step`'s reference (and its checklist) may be shown: an earlier step, or the current one once revealed. */
export function isRevealed(state: CaseState, step: CaseStep, curveballAfter: CaseStage): boolean {
  if (state.step === "done") return true;
  const steps = caseSteps(curveballAfter);
  const at = steps.indexOf(state.step);
  const index = steps.indexOf(step);
  return index < at || (index === at && state.revealed);
}

/**
 * What the learner may write for `step` now. Notes: any reached step (they can add to earlier notes). Answers to its
 * estimates and choices: only the current step before its reveal (work first; the reference would give them away).
 * Checklist marks: only revealed steps.
 */
export function mayWrite(
  state: CaseState,
  step: CaseStep,
  kind: "notes" | "answer" | "mark",
  curveballAfter: CaseStage,
): boolean {
  if (kind === "notes") return hasReached(state, step, curveballAfter);
  if (kind === "mark") return isRevealed(state, step, curveballAfter);
  return state.step === step && !state.revealed;
}
