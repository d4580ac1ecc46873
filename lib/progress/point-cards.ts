import "server-only";
import { newCardState } from "@/lib/srs";
import { CASE_STAGES } from "@/lib/cases";
import { stepTitle } from "@/lib/content";
import type { Tx } from "./db";
import { cardStateColumns } from "./card-codec";
import { course } from "./course";

// A key point of a case's reference that the learner marked missed comes back as a review card, like a missed
// estimation step: "point:<caseId>:<pointId>", due now, outside the new-card limit.

export function pointCardId(caseId: string, pointId: string): string {
  return `point:${caseId}:${pointId}`;
}

/** Create the card of a missed point (due now), or bring it forward to now when it exists. */
export async function flagMissedPoint(
  tx: Tx,
  userId: string,
  caseId: string,
  pointId: string,
  now: Date,
): Promise<void> {
  const cardId = pointCardId(caseId, pointId);
  await tx.reviewCard.createMany({
    data: [{ userId, cardId, kind: "point", ...cardStateColumns(newCardState(now)), createdAt: now }],
    skipDuplicates: true,
  });
  await tx.reviewCard.updateMany({ where: { userId, cardId, due: { gt: now } }, data: { due: now } });
}

/** The question and answer of a point card: the stage's question in its case, and the key point. Null if gone. */
export function pointCardText(cardId: string): { question: string; answer: string } | null {
  const match = /^point:([^:]+):([^:]+)$/.exec(cardId);
  const entry = match?.[1] ? course.case(match[1]) : null;
  if (!entry || !match?.[2]) return null;
  const pointId = match[2];
  for (const stage of CASE_STAGES) {
    const point = entry.stages[stage].checklist.find((p) => p.id === pointId);
    if (point)
      return {
        question: `${entry.title}, ${stepTitle(stage).toLowerCase()}: ${entry.stages[stage].question} Name one key point.`,
        answer: point.point,
      };
  }
  const point = entry.curveball.checklist.find((p) => p.id === pointId);
  return point
    ? { question: `${entry.title}, the curveball: ${entry.curveball.prompt} Name one key point.`, answer: point.point }
    : null;
}
