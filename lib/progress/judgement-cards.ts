import "server-only";
import type { Tx } from "./db";
import { newCardState } from "@/lib/srs";
import { cardStateColumns } from "./card-codec";
import { course } from "./course";

// A missed judgement question comes back as a review card, like a missed key point of a case: "judge:<questionId>",
// due now, outside the new-card limit, reviewed like a flashcard (front the question, back the right option and why).

export function judgementCardId(questionId: string): string {
  return `judge:${questionId}`;
}

/** Create the card of a missed judgement (due now), or bring it forward to now when it exists. */
export async function flagMissedJudgement(tx: Tx, userId: string, questionId: string, now: Date): Promise<void> {
  const cardId = judgementCardId(questionId);
  await tx.reviewCard.createMany({
    data: [{ userId, cardId, kind: "judgement", ...cardStateColumns(newCardState(now)), createdAt: now }],
    skipDuplicates: true,
  });
  await tx.reviewCard.updateMany({ where: { userId, cardId, due: { gt: now } }, data: { due: now } });
}

/** The two sides of a judgement card: the question, and the right option with why. Null when the question is gone. */
export function judgementCardText(cardId: string): { question: string; answer: string } | null {
  const match = /^judge:([^:]+)$/.exec(cardId);
  const entry = match?.[1] ? course.question(match[1]) : null;
  if (entry?.kind !== "judgement") return null;
  const right = entry.options.find((option) => option.id === entry.answer);
  return right ? { question: entry.question, answer: `${right.text}. ${entry.why}` } : null;
}
