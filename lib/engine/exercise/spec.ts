import { z } from "zod";

const identifier = z
  .string()
  .regex(/^(?!__)[A-Za-z_][A-Za-z0-9_]*$/, "must be an identifier (letters, digits, _), usable in formulas");

const stepId = z
  .string()
  .regex(/^(?!__)[A-Za-z_][A-Za-z0-9_-]*$/, "must start with a letter and hold only letters, digits, _ and -");

/** The range a drill may draw a given from: log scale and two significant figures unless told otherwise. */
export const varySchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  scale: z.enum(["log", "linear"]).default("log"),
  sig: z.union([z.literal(1), z.literal(2)]).default(2),
});

/** A named input of an exercise: the lesson's own value, its unit and, for drills, its range. */
export const givenSpecSchema = z.strictObject({
  name: identifier,
  label: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  vary: varySchema.optional(),
});

/** How a step is graded; omitted means full credit within 15 % either way falling to zero at 10× (ratio 1.15/10). */
export const toleranceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("exact") }),
  z.strictObject({ kind: z.literal("relative"), within: z.number().positive() }),
  z.strictObject({
    kind: z.literal("ratio"),
    full: z.number().min(1),
    zero: z.number(),
    /** grade 1 − answer against 1 − reference: a hit rate through its miss rate */
    complement: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal("range") }),
]);

/** One question of an exercise: its prompt, the formula over givens and earlier steps, its unit and tolerance. */
export const stepSpecSchema = z.strictObject({
  id: stepId,
  prompt: z.string().min(1),
  formula: z.string().min(1),
  unit: z.string(),
  tolerance: toleranceSchema.optional(),
  hint: z.string().optional(),
  explain: z.string().optional(),
});

/**
 * The shape of an exercise as content declares it (content/README.md, "An exercise"). Read content with
 * `exerciseSpecSchema` (validate.ts), which also checks what the shape cannot say.
 */
export const exerciseSpecShapeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case id"),
  title: z.string().min(1),
  scenario: z.string(),
  givens: z.array(givenSpecSchema),
  steps: z.array(stepSpecSchema).min(1),
  /**
   * Played open: only the question, the scenario and the givens are shown; the steps stay hidden as the reference
   * chain the learner's scratchpad is aligned with, and the last step is the answer asked for.
   */
  open: z
    .strictObject({
      /** what the learner is asked, in the words of an interviewer ("How much disk does a year of messages need?") */
      question: z.string().min(10).max(300),
    })
    .optional(),
});

export type ExerciseSpec = z.infer<typeof exerciseSpecShapeSchema>;
export type ExerciseSpecInput = z.input<typeof exerciseSpecShapeSchema>;
export type GivenSpec = z.infer<typeof givenSpecSchema>;
export type StepSpec = z.infer<typeof stepSpecSchema>;
export type VarySpec = z.infer<typeof varySchema>;
