import "server-only";
import { z } from "zod";
import { MODULE_IDS } from "@/lib/content";

// The bodies of the smaller write endpoints, each declared once; the route handlers validate with them and the browser
// gets their types through lib/progress/client.ts. (Attempts, reviews and settings keep theirs beside their code.)

const moduleId = z.enum(MODULE_IDS, { message: `module must be one of ${MODULE_IDS.join(", ")}` });

export const undoRequestSchema = z.strictObject({ clientId: z.uuid() });
export type UndoRequest = z.infer<typeof undoRequestSchema>;

export const deckRequestSchema = z.union([
  z.strictObject({ module: moduleId }),
  z.strictObject({ lesson: z.string().min(1).max(120) }),
]);
export type DeckRequest = z.infer<typeof deckRequestSchema>;

export const variantRequestSchema = z.strictObject({
  drillId: z.string().min(1).max(120),
  /** true: the drill played open (only its question and givens; the learner decomposes it in the scratchpad) */
  open: z.boolean().optional(),
});
export type VariantRequest = z.infer<typeof variantRequestSchema>;

export const lessonEventSchema = z.strictObject({ event: z.enum(["started", "completed"]) });
export type LessonEventRequest = z.infer<typeof lessonEventSchema>;

export const resetRequestSchema = z.strictObject({
  module: moduleId,
  confirm: z.literal(true, { message: "Confirm the reset with confirm: true." }),
});
export type ResetRequest = z.infer<typeof resetRequestSchema>;

export const deleteAccountSchema = z.strictObject({ confirmEmail: z.string().max(254) });
export type DeleteAccountRequest = z.infer<typeof deleteAccountSchema>;
