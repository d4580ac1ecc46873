import { z } from "zod";
import { exerciseSpecSchema } from "@/lib/engine";

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be a kebab-case id such as numbers-to-know" });

export const MODULE_IDS = ["estimation", "building-blocks", "case-studies"] as const;

export type ModuleId = (typeof MODULE_IDS)[number];

export const MODULES = {
  estimation: { title: "Estimation", summary: "Turn a vague brief into numbers you can defend." },
  "building-blocks": {
    title: "Building blocks",
    summary: "Caches, databases, queues and the rest, with their numbers.",
  },
  "case-studies": { title: "Case studies", summary: "Whole designs, stage by stage." },
} satisfies Record<ModuleId, { title: string; summary: string }>;

export const lessonFrontmatterSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(3).max(120),
  summary: z.string().min(10).max(300),
  module: z.enum(MODULE_IDS),
  order: z.number().int().min(1).max(999),
  minutes: z.number().int().min(1).max(90),
  prerequisites: z.array(kebabId).default([]),
  sources: z.array(z.string().min(1)).min(1, { message: "name at least one source section" }),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/**
 * The skill an exercise practises, in a few words ("average and peak QPS"). The weakest-skills list groups missed steps
 * by it, and a drill with the same skill is where to practise it, so a lesson exercise and a drill of the same skill
 * use the same words.
 */
export const skillSchema = z
  .string({ error: 'name the skill it practises in a few words, as drills do ("average and peak QPS")' })
  .min(3)
  .max(80);

/** One exercise of a lesson's `.exercises.json`: the engine's exercise spec plus the skill it practises. */
export const lessonExerciseSchema = exerciseSpecSchema.safeExtend({ skill: skillSchema });

export const cardSchema = z.strictObject({
  id: kebabId,
  q: z.string().min(3).max(300),
  a: z.string().min(1).max(300),
});

export const cardListSchema = z.array(cardSchema);

export type Card = z.infer<typeof cardSchema>;

/** content/drill-catalogue.json: every planned drill, playable or not yet, with the lesson that will teach it. */
export const drillCatalogueSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^DR-\d{2}$/),
    title: z.string().min(3).max(100),
    lesson: kebabId,
  }),
);

export type DrillCatalogueEntry = z.infer<typeof drillCatalogueSchema>[number];

/** content/curriculum.json: every lesson of the course in order, written or still to come. */
export const curriculumSchema = z.array(
  z.strictObject({
    order: z.number().int().min(1).max(999),
    id: kebabId,
    module: z.enum(MODULE_IDS),
    title: z.string().min(3).max(120),
  }),
);

export type CurriculumEntry = z.infer<typeof curriculumSchema>[number];
