import { EngineError, evaluate, formatQuantity } from "@/lib/engine";
import { PLAYGROUND_KINDS, isPlaygroundKind } from "@/lib/widgets/kinds";
import { checkDiagram } from "./diagram-check";
import type { ContentProblem } from "./problems";

/** The components a lesson may use, and the attributes each one requires. */
export const LESSON_COMPONENTS = {
  Calc: ["expr", "unit"],
  Estimate: ["id"],
  Callout: [],
  NumbersTable: ["caption", "columns", "rows"],
  BarChart: ["alt", "caption", "data"],
  LineChart: ["alt", "caption", "xLabel", "yLabel", "series"],
  Flow: ["alt", "steps"],
  Diagram: ["alt", "nodes", "edges"],
  Judgement: ["id"],
  Audit: ["id"],
  Playground: ["kind", "predict"],
} satisfies Record<string, string[]>;

const REQUIRED_ATTRIBUTES = new Map<string, readonly string[]>(Object.entries(LESSON_COMPONENTS));

type Attribute = {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
};

type Node = {
  type: string;
  name?: string | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
};

export type RemarkEnvelopeContext = {
  file: string;
  /** Exercise ids the lesson may embed with <Estimate id="…"/>. */
  exerciseIds: ReadonlySet<string>;
  /** The givens (name and unit) of each of those exercises, to check a <Playground>'s prediction feeds its widget. */
  exerciseGivens?: ReadonlyMap<string, readonly { name: string; unit: string }[]>;
  problems: ContentProblem[];
  /** Filled in: the exercise ids the lesson embeds, in order. */
  estimates: string[];
  /** Judgement question ids (its .judgements.json) and audit ids (its .audits.json) the lesson may place. */
  judgementIds?: ReadonlySet<string>;
  auditIds?: ReadonlySet<string>;
  /** Filled in: the judgement and audit ids the lesson places, in order (a repeat appears twice). */
  judgements?: { id: string; line: number | undefined }[];
  audits?: { id: string; line: number | undefined }[];
  /** Filled in: every <Calc> with its computed text. */
  calcs: { expr: string; unit: string; text: string; line: number | undefined }[];
};

function attribute(node: Node, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  if (!found || found.value === undefined || found.value === null) return undefined;
  return typeof found.value === "string" ? found.value : found.value.value;
}

/**
 * A remark plugin for lessons. It computes every `<Calc expr unit sig/>` with the engine and stores the result in a
 * `text` attribute (so no number in a lesson is typed by hand), checks that every `<Estimate id/>` names an exercise of
 * the lesson, and that only known components with their required attributes are used. Problems are collected with
 * their line, not thrown, so one run reports them all.
 */
export function remarkEnvelope(context: RemarkEnvelopeContext) {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
        checkComponent(node, context);
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}

function checkComponent(node: Node, context: RemarkEnvelopeContext) {
  const name = node.name ?? "";
  const line = node.position?.start.line;
  const report = (message: string) => context.problems.push({ file: context.file, line, message });
  const required = REQUIRED_ATTRIBUTES.get(name);
  if (!required) {
    if (/^[A-Z]/.test(name))
      report(`unknown component <${name}>; use one of ${[...REQUIRED_ATTRIBUTES.keys()].join(", ")}`);
    return;
  }
  for (const attr of required) {
    if (attribute(node, attr) === undefined) report(`<${name}> needs a ${attr} attribute`);
  }
  if (name === "Calc") computeCalc(node, context, report);
  if (name === "NumbersTable" && /(^|[[,])\s*""\s*(?=[,\]])/.test(attribute(node, "columns") ?? ""))
    report("<NumbersTable> has a column with an empty header; name every column (screen readers read it out)");
  if (name === "Diagram") {
    for (const problem of checkDiagram({
      nodes: attribute(node, "nodes"),
      edges: attribute(node, "edges"),
      groups: attribute(node, "groups"),
    }))
      report(problem);
  }
  if (name === "Judgement") placeQuestion(node, "judgement", context, report);
  if (name === "Audit") placeQuestion(node, "audit", context, report);
  if (name === "Playground") placePlayground(node, context, report);
  if (name === "Estimate") {
    const id = attribute(node, "id");
    if (id !== undefined) {
      if (!context.exerciseIds.has(id))
        report(`<Estimate id="${id}"> names no exercise in this lesson's .exercises.json`);
      else context.estimates.push(id);
    }
  }
}

/**
 * `<Playground kind predict/>`: a known widget, and a prediction exercise of the lesson whose givens include every
 * given the widget starts from, in the same unit. The prediction is served like an <Estimate>.
 */
function placePlayground(node: Node, context: RemarkEnvelopeContext, report: (message: string) => void) {
  const kind = attribute(node, "kind");
  const predict = attribute(node, "predict");
  if (kind === undefined || predict === undefined) return;
  if (!isPlaygroundKind(kind)) {
    report(`<Playground kind="${kind}"> is not a widget; use one of ${Object.keys(PLAYGROUND_KINDS).join(", ")}`);
    return;
  }
  if (!context.exerciseIds.has(predict)) {
    report(`<Playground predict="${predict}"> names no exercise in this lesson's .exercises.json`);
    return;
  }
  const givens = context.exerciseGivens?.get(predict) ?? [];
  for (const [name, unit] of Object.entries(PLAYGROUND_KINDS[kind].givens)) {
    const given = givens.find((g) => g.name === name);
    if (!given)
      report(
        `<Playground kind="${kind}"> starts from a given "${name}" (${unit || "a number"}); exercise "${predict}" has none`,
      );
    else if (given.unit !== unit)
      report(
        `<Playground kind="${kind}">: given "${name}" of "${predict}" is in "${given.unit}"; the widget reads "${unit}"`,
      );
  }
  context.estimates.push(predict);
}

const QUESTION_FILES = { judgement: ".judgements.json", audit: ".audits.json" } as const;

/** `<Judgement id/>` or `<Audit id/>`: the id names an item of the lesson's own file; the placement is recorded. */
function placeQuestion(
  node: Node,
  kind: "judgement" | "audit",
  context: RemarkEnvelopeContext,
  report: (message: string) => void,
) {
  const id = attribute(node, "id");
  if (id === undefined) return;
  const known = kind === "judgement" ? context.judgementIds : context.auditIds;
  if (!known?.has(id)) {
    report(`<${node.name} id="${id}"> names no ${kind} in this lesson's ${QUESTION_FILES[kind]}`);
    return;
  }
  const placed = kind === "judgement" ? (context.judgements ??= []) : (context.audits ??= []);
  placed.push({ id, line: node.position?.start.line });
}

function computeCalc(node: Node, context: RemarkEnvelopeContext, report: (message: string) => void) {
  const expr = attribute(node, "expr");
  const unit = attribute(node, "unit");
  if (expr === undefined || unit === undefined) return;
  const sigText = attribute(node, "sig");
  const sig = sigText === undefined ? undefined : Number(sigText);
  if (sig !== undefined && !(Number.isInteger(sig) && sig >= 1 && sig <= 6)) {
    report(`<Calc sig={${sigText}}> must be a whole number from 1 to 6`);
    return;
  }
  try {
    const text = formatQuantity(evaluate(expr), { unit, ...(sig === undefined ? {} : { sig }) });
    node.attributes = [
      ...(node.attributes ?? []).filter((a) => a.name !== "text"),
      { type: "mdxJsxAttribute", name: "text", value: text },
    ];
    context.calcs.push({ expr, unit, text, line: node.position?.start.line });
  } catch (error) {
    if (error instanceof EngineError) report(`<Calc expr="${expr}" unit="${unit}">: ${error.message}`);
    else throw error;
  }
}
