import { z } from "zod";
import { CASE_STAGES, type CaseStage } from "@/lib/cases";
import { choiceQuestionSchema, kebabId } from "./choice-schema";

// A case study as content: content/cases/NN-slug.case.json (this schema), NN-slug.exercises.json (graded estimates,
// the lesson exercise format) and NN-slug/<stage>.mdx (the reference answer of each stage, revealed after the learner
// has tried it). The stages are the same in every case, in this order.

export { CASE_STAGES, type CaseStage };

export const CASE_STAGE_TITLES = {
  requirements: "Requirements and scope",
  estimation: "Estimation",
  api: "API and data model",
  design: "High-level design",
  deepDive: "Deep dive",
  failures: "Failure modes and trade-offs",
  wrapUp: "Wrap-up",
} satisfies Record<CaseStage, string>;

/** The title of a step of a case (a stage, or the curveball); an unknown name comes back as it is. */
export function stepTitle(step: string): string {
  if (step === "curveball") return "Curveball";
  return Object.entries(CASE_STAGE_TITLES).find(([stage]) => stage === step)?.[1] ?? step;
}

/** A case's interview takes 45 minutes; each stage's budget is its share. */
export const INTERVIEW_MINUTES = 45;

/** One concept of a checklist point: the learner's notes mention it when they contain any of these words. */
const synonymGroup = z
  .array(z.string().trim().min(2).max(40))
  .min(1)
  .max(12)
  .refine((words) => words.every((word) => word === word.toLowerCase()), {
    message: "write match words in lower case",
  });

/**
 * A key point of the reference answer. `match` is its transparent coverage rule, shown to the learner: one group of
 * synonyms per concept the point needs; the notes cover the point when every group is matched, partly when some are.
 */
export const checklistPointSchema = z.strictObject({
  id: kebabId,
  point: z.string().min(8).max(220),
  match: z.array(synonymGroup).min(1).max(4),
});

/** A graded decision an interviewer would probe, with the reason shown after answering. */
export const caseChoiceSchema = choiceQuestionSchema.safeExtend({ question: z.string().min(10).max(300) });

/** A worked estimate from a source with one planted (or real) slip: the learner picks the wrong line and fixes it. */
export const spotTheProblemSchema = z
  .strictObject({
    id: kebabId,
    intro: z.string().min(10).max(400),
    lines: z.array(z.string().min(3).max(200)).min(3).max(10),
    /** 0-based index of the wrong line */
    wrongLine: z.number().int().min(0),
    why: z.string().min(20).max(600),
    /** an exercise of the case whose single step is the corrected value */
    estimate: kebabId,
  })
  .refine((item) => item.wrongLine < item.lines.length, { message: "wrongLine must point at one of the lines" });

const stageSchema = z.strictObject({
  /** what the interviewer asks at this stage, before anything is revealed */
  question: z.string().min(10).max(600),
  checklist: z.array(checklistPointSchema).min(5).max(10),
  choices: z.array(caseChoiceSchema).max(3).default([]),
  /** exercise ids of the case, graded with follow-through */
  estimates: z.array(kebabId).max(8).default([]),
  spotTheProblem: z.array(spotTheProblemSchema).max(3).default([]),
});

export type CaseStageContent = z.infer<typeof stageSchema>;

/** One field per stage, each with the same schema. */
function perStage<T extends z.ZodType>(schema: T) {
  return z.strictObject({
    requirements: schema,
    estimation: schema,
    api: schema,
    design: schema,
    deepDive: schema,
    failures: schema,
    wrapUp: schema,
  });
}

export const caseFileSchema = z
  .strictObject({
    /** the curriculum slot this case fills (its lesson id) */
    id: kebabId,
    code: z.string().regex(/^CS-\d{2}$/),
    title: z.string().min(5).max(120),
    summary: z.string().min(20).max(300),
    difficulty: z.enum(["introductory", "intermediate", "advanced"]),
    /** the interviewer's opening brief */
    brief: z.string().min(20).max(800),
    sources: z.array(z.string().min(3)).min(1),
    /** minutes per stage in interview mode; they add up to INTERVIEW_MINUTES */
    budgetMinutes: perStage(z.number().int().min(1).max(20)),
    stages: perStage(stageSchema),
    /** the requirement the interviewer changes once, after the stage named in `after` */
    curveball: z.strictObject({
      after: z.enum(CASE_STAGES),
      prompt: z.string().min(20).max(600),
      estimates: z.array(kebabId).min(1).max(4),
      checklist: z.array(checklistPointSchema).min(3).max(8),
    }),
    /** what to study when a stage is weak: lesson ids and drill ids */
    study: perStage(z.array(kebabId).min(1).max(4)),
  })
  .superRefine((file, ctx) => {
    const total = CASE_STAGES.reduce((sum, stage) => sum + file.budgetMinutes[stage], 0);
    if (total !== INTERVIEW_MINUTES) {
      ctx.addIssue({
        code: "custom",
        path: ["budgetMinutes"],
        message: `stage budgets add up to ${total} minutes, not ${INTERVIEW_MINUTES}`,
      });
    }
    const estimates = CASE_STAGES.reduce((sum, stage) => sum + file.stages[stage].estimates.length, 0);
    if (estimates < 4)
      ctx.addIssue({
        code: "custom",
        path: ["stages"],
        message: `a case grades at least 4 estimates; this one has ${estimates}`,
      });
    const choices = CASE_STAGES.reduce((sum, stage) => sum + file.stages[stage].choices.length, 0);
    if (choices < 2)
      ctx.addIssue({
        code: "custom",
        path: ["stages"],
        message: `a case asks at least 2 design choices; this one has ${choices}`,
      });
    const pointIds = [...CASE_STAGES.flatMap((stage) => file.stages[stage].checklist), ...file.curveball.checklist].map(
      (point) => point.id,
    );
    const repeated = pointIds.filter((id, index) => pointIds.indexOf(id) !== index);
    if (repeated.length)
      ctx.addIssue({
        code: "custom",
        path: ["stages"],
        message: `checklist point ids repeat: ${[...new Set(repeated)].join(", ")}`,
      });
  });

export type CaseFile = z.infer<typeof caseFileSchema>;
export type ChecklistPoint = z.infer<typeof checklistPointSchema>;
export type CaseChoice = z.infer<typeof caseChoiceSchema>;
