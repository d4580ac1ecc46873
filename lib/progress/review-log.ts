import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Rating } from "@/lib/srs";
import { db } from "./db";

// The review log is append-only: a rating or an undo is one row, stored once per client id. A request whose client id
// is already stored is answered from its row.

const logSelect = {
  clientId: true,
  cardId: true,
  kind: true,
  rating: true,
  after: true,
  verdict: true,
  answer: true,
  seed: true,
  durationMs: true,
  reviewedAt: true,
} satisfies Prisma.ReviewLogSelect;

export type LogRow = Prisma.ReviewLogGetPayload<{ select: typeof logSelect }>;

export const ratingSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]) satisfies z.ZodType<Rating>;

/** The learner's log row with this client id, or null. */
export async function findLog(userId: string, clientId: string): Promise<LogRow | null> {
  return db().reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } }, select: logSelect });
}

export const CLIENT_ID_REUSED = "This client id was already used for a different request. Send a new client id.";
