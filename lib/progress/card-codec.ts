import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CardState } from "@/lib/srs";

// The one translation between the scheduler's CardState and how a card is stored: the columns of a ReviewCard row, and
// the JSON of a ReviewLog row's `before` and `after`. Everything else reads and writes card state through these.

/** A card state as stored: Date columns in a row, ISO strings in the log's JSON. Extra keys (cardId, kind) are dropped. */
const cardStateSchema = z.object({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.enum(["new", "learning", "review", "relearning"]),
  lastReview: z.coerce.date().nullable(),
}) satisfies z.ZodType<CardState>;

/** The columns of a card row: its id and kind, and its state (checked against CardState, so none can be forgotten). */
export const cardSelect = {
  cardId: true,
  kind: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} satisfies Prisma.ReviewCardSelect & Record<keyof CardState, true>;

export type CardRow = Prisma.ReviewCardGetPayload<{ select: typeof cardSelect }>;

/** The scheduler state of a stored card (a phase the schema does not know is a broken invariant: it throws). */
export function cardStateOf(row: CardRow): CardState {
  return cardStateSchema.parse(row);
}

/** The columns to write for a card state, and nothing else (a CardState may travel with its id and kind). */
export function cardStateColumns(state: CardState): CardState {
  return cardStateSchema.parse(state);
}

/** A card state as the review log stores it (JSON, dates as ISO strings). */
export function cardStateJson(state: CardState): Prisma.InputJsonObject {
  const columns = cardStateColumns(state);
  return { ...columns, due: columns.due.toISOString(), lastReview: columns.lastReview?.toISOString() ?? null };
}

/** A card state read back from the review log's JSON. */
export function cardStateFromJson(json: unknown): CardState {
  return cardStateSchema.parse(json);
}
