import { z } from "zod";

// One choice question, shared by a case's design choices (content/cases) and a lesson's judgement questions
// (content/lessons/NN-slug.judgements.json): a question, two to five options, the right one, and why.

export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be a kebab-case id such as base62-counter" });

/** An option of a choice question: its id (what the learner's pick names) and its text. */
export const choiceOptionSchema = z.strictObject({ id: kebabId, text: z.string().min(2).max(200) });

/**
 * A question with one right option among two to five, and the reason shown after answering. A case's choice narrows
 * the question's length (`safeExtend`); a judgement question adds its skill. The refinement (the answer is one of the
 * options, whose ids differ) carries over to both.
 */
export const choiceQuestionSchema = z
  .strictObject({
    id: kebabId,
    question: z.string().min(10).max(600),
    options: z.array(choiceOptionSchema).min(2).max(5),
    answer: kebabId,
    why: z.string().min(20).max(800),
  })
  .superRefine((choice, ctx) => {
    if (!choice.options.some((option) => option.id === choice.answer))
      ctx.addIssue({ code: "custom", path: [], message: "answer must be one of the options' ids" });
    const ids = choice.options.map((option) => option.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `option ids repeat: ${[...new Set(repeated)].join(", ")}`,
      });
  });

export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
