import { z } from "zod";
import { exerciseSpecSchema, toleranceSchema, type ExerciseSpec } from "@/lib/engine";
import { choiceQuestionSchema } from "./choice-schema";
import { skillSchema } from "./schemas";

// A lesson's judgement questions (NN-slug.judgements.json) and spot-the-problem audits (NN-slug.audits.json), placed
// in the lesson with <Judgement id="…"/> and <Audit id="…"/>. content/README.md documents both formats.

function prefixedId(prefix: string) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}[a-z0-9]+(-[a-z0-9]+)*$`), {
      message: `must be a kebab-case id starting with "${prefix}", such as ${prefix}cache-or-replica`,
    })
    .max(100);
}

/** A judgement question: the shared choice question with the skill it practises; its id starts with "judge-". */
export const judgementSchema = choiceQuestionSchema.safeExtend({ id: prefixedId("judge-"), skill: skillSchema });

/** The corrected value of an audit's wrong line, graded like a one-step exercise (givens in the exercise format). */
export const auditFixSchema = z.strictObject({
  /** asked on its own (also when it comes back as a review card), so it says what is being computed */
  prompt: z.string().min(10).max(300),
  givens: exerciseSpecSchema.shape.givens,
  formula: z.string().min(1).max(300),
  unit: z.string(),
  tolerance: toleranceSchema.optional(),
});

/** The id of the one step of an audit's fix exercise. */
export const AUDIT_FIX_STEP = "fix";

type AuditForSpec = { id: string; title: string; fix: z.infer<typeof auditFixSchema> };

/** An audit's fix as an exercise of the engine: id = the audit's id, one step "fix"; no scenario (the audit shows it). */
export function auditExerciseSpec(audit: AuditForSpec): ExerciseSpec {
  const { prompt, givens, formula, unit, tolerance } = audit.fix;
  return {
    id: audit.id,
    title: `${audit.title}: the corrected value`,
    scenario: "",
    givens,
    steps: [{ id: AUDIT_FIX_STEP, prompt, formula, unit, ...(tolerance ? { tolerance } : {}) }],
  };
}

/** Where an issue of the fix's exercise sits in the audit: steps.0.formula → fix.formula, givens.1 → fix.givens.1. */
function auditPath(path: readonly PropertyKey[]): PropertyKey[] {
  if (path[0] === "steps") return ["fix", ...path.slice(2)];
  if (path[0] === "givens") return ["fix", ...path];
  return [...path];
}

/** A worked estimate with one wrong line: the learner picks it, then types the corrected value (graded). */
export const auditSchema = z
  .strictObject({
    id: prefixedId("audit-"),
    title: z.string().min(3).max(120),
    skill: skillSchema,
    intro: z.string().min(10).max(400),
    lines: z.array(z.string().min(3).max(200)).min(3).max(10),
    /** 0-based index of the wrong line */
    wrongLine: z.number().int().min(0),
    why: z.string().min(20).max(600),
    /** where the worked lines come from (a seed section), when they are a source's */
    source: z.string().min(1).max(200).optional(),
    fix: auditFixSchema,
  })
  .superRefine((audit, ctx) => {
    if (audit.wrongLine >= audit.lines.length)
      ctx.addIssue({
        code: "custom",
        path: ["wrongLine"],
        message: `wrongLine must point at one of the ${audit.lines.length} lines (0-based)`,
      });
    // The same checks as any exercise: units parse, the formula uses only givens, and it evaluates to the unit.
    const parsed = exerciseSpecSchema.safeParse(auditExerciseSpec(audit));
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: auditPath(issue.path), message: issue.message });
  });

export type Judgement = z.infer<typeof judgementSchema>;
export type Audit = z.infer<typeof auditSchema>;
