import { z } from "zod";

const verdictSchema = z.enum(["exact", "close", "order-of-magnitude", "off", "unreadable", "wrong-dimension"]);

/** The grade as the server sends it (the engine's ExerciseGrade), checked before it is shown. */
export const exerciseGradeSchema = z.object({
  score: z.number(),
  steps: z.array(
    z.object({
      id: z.string(),
      score: z.number(),
      verdict: verdictSchema,
      read: z.string(),
      message: z.string(),
      followThrough: z.boolean(),
      expected: z.string(),
      expectedValue: z.number(),
      calibration: z.object({ held: z.boolean(), logWidth: z.number() }).optional(),
      implausible: z.literal(true).optional(),
    }),
  ),
  worked: z.array(
    z.object({
      id: z.string(),
      prompt: z.string(),
      formula: z.string(),
      substituted: z.string(),
      result: z.string(),
      explain: z.string().optional(),
    }),
  ),
  divergedAt: z.string().nullable(),
});

export const attemptResponseSchema = z.object({ grade: exerciseGradeSchema });
