import { getMDXComponent } from "mdx-bundler/client";
import { cache } from "react";
import { Diagram } from "@/components/diagram/diagram";
import type { EstimateProps } from "@/components/exercise/estimate";
import {
  LessonEstimate as EstimateWithState,
  LessonPlayground,
  LessonQuestion,
} from "@/components/lesson/lesson-state";
import type { ServedQuestion } from "@/lib/progress/client";
import { isPlaygroundKind } from "@/lib/widgets/kinds";
import { BarChart } from "./bar-chart";
import { Calc } from "./calc";
import { Callout } from "./callout";
import { Flow } from "./flow";
import { LineChart } from "./line-chart";
import { NumbersTable } from "./numbers-table";

/**
 * A lesson's exercise as the page serves it: the prompt and its token, the same for everyone (the learner's last
 * answer comes from the browser, components/lesson/lesson-state.tsx).
 */
export type LessonEstimate = Pick<EstimateProps, "prompt" | "token">;

/** The exercises of the lesson being rendered, for this request only (React's per-request cache). */
const requestEstimates = cache((): { current: Record<string, LessonEstimate> } => ({ current: {} }));

/** `<Estimate id="…"/>` in a lesson: the exercise this request serves for that id. */
function EstimateSlot({ id }: { id: string }) {
  const estimate = requestEstimates().current[id];
  return estimate ? <EstimateWithState prompt={estimate.prompt} token={estimate.token} /> : null;
}

/** `<Playground kind="…" predict="…"/>`: the prediction this request serves for that id, then the widget. */
function PlaygroundSlot({ kind, predict }: { kind: string; predict: string }) {
  const estimate = requestEstimates().current[predict];
  return estimate && isPlaygroundKind(kind) ? (
    <LessonPlayground kind={kind} estimate={{ prompt: estimate.prompt, token: estimate.token }} />
  ) : null;
}

/** The judgement questions and audits of the lesson being rendered (no answers: those come with the verdict). */
const requestQuestions = cache((): { current: Record<string, ServedQuestion> } => ({ current: {} }));

/** `<Judgement id="…"/>` in a lesson: the question this request serves (the learner's last answer comes later). */
function JudgementSlot({ id }: { id: string }) {
  const served = requestQuestions().current[id];
  return served?.question.kind === "judgement" ? <LessonQuestion served={served} /> : null;
}

/** `<Audit id="…"/>` in a lesson: the audit this request serves (the learner's last line comes later). */
function AuditSlot({ id }: { id: string }) {
  const served = requestQuestions().current[id];
  return served?.question.kind === "audit" ? <LessonQuestion served={served} /> : null;
}

/** The one map of components a lesson may use (lib/content checks lessons against the same list). */
const components = {
  Calc,
  Callout,
  NumbersTable,
  BarChart,
  LineChart,
  Flow,
  Diagram,
  Estimate: EstimateSlot,
  Judgement: JudgementSlot,
  Audit: AuditSlot,
  Playground: PlaygroundSlot,
};

const bundles = new Map<string, ReturnType<typeof getMDXComponent>>();

function mdxComponent(code: string): ReturnType<typeof getMDXComponent> {
  let component = bundles.get(code);
  if (!component) {
    component = getMDXComponent(code);
    bundles.set(code, component);
  }
  return component;
}

export type LessonContentProps = {
  code: string;
  estimates: Record<string, LessonEstimate>;
  /** the lesson's judgement questions and audits by id, as lib/progress serves them */
  questions?: Record<string, ServedQuestion>;
};

/** Renders a compiled lesson. */
export function LessonContent({ code, estimates, questions = {} }: LessonContentProps) {
  requestEstimates().current = estimates;
  requestQuestions().current = questions;
  const Content = mdxComponent(code);
  // The component is made once per compiled lesson and kept at module level, so it is stable across renders.
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={components} />;
}
