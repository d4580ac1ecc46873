import "server-only";
import { z } from "zod";
import { spotLineId } from "@/lib/cases";
import { getQuestion, type QuestionEntry } from "@/lib/content";
import { Prisma } from "@/lib/generated/prisma/client";
import { serveVariant, type ServedVariant } from "./attempts";
import { db } from "./db";
import { flagMissedJudgement } from "./judgement-cards";
import { QUESTION_SOURCES } from "./limits";
import { refuse, type Refusal } from "./outcome";

// Judgement questions and spot-the-problem audits of the lessons: graded on the server, each answer stored once per
// client id. A visitor (no session) is graded too, and nothing is stored.

/** What the browser sends: the question, the option (for an audit, the line: spotLineId) and a client id. */
export const questionAnswerSchema = z.strictObject({
  clientId: z.uuid({ message: "clientId must be a UUID made by the browser" }),
  questionId: z.string().min(1).max(120),
  optionId: z.string().min(1).max(120),
  source: z.enum(QUESTION_SOURCES, { message: 'source must be "lesson" or "drill"' }),
});

export type QuestionAnswerRequest = z.infer<typeof questionAnswerSchema>;

/** The verdict: right or not, the right option id (an audit's wrong line), why, and for an audit its fix exercise. */
export type QuestionVerdict = {
  correct: boolean;
  answer: string;
  why: string;
  /** an audit's corrected value, as its exercise at seed 0 (shown once the line is picked) */
  fix?: ServedVariant;
};

export type QuestionOutcome =
  | ({ ok: true; duplicate: boolean; stored: boolean; optionId: string; createdAt: Date | null } & QuestionVerdict)
  | Refusal;

/** A question as the browser sees it before answering: no answer, no why, no wrong line. */
export type QuestionView =
  | { kind: "judgement"; id: string; question: string; options: { id: string; text: string }[] }
  | {
      kind: "audit";
      id: string;
      title: string;
      intro: string;
      source?: string;
      /** the worked lines, with the option id that picks each */
      lines: { id: string; text: string }[];
    };

/** The learner's last answer to a question, with the verdict (shown on load). */
export type QuestionPrevious = { optionId: string; createdAt: Date } & QuestionVerdict;

const answerSelect = {
  clientId: true,
  questionId: true,
  kind: true,
  optionId: true,
  correct: true,
  source: true,
  createdAt: true,
} satisfies Prisma.QuestionAnswerSelect;

type AnswerRow = Prisma.QuestionAnswerGetPayload<{ select: typeof answerSelect }>;

function optionIdsOf(entry: QuestionEntry): string[] {
  return entry.kind === "judgement"
    ? entry.options.map((option) => option.id)
    : entry.lines.map((_, i) => spotLineId(i));
}

function answerOf(entry: QuestionEntry): string {
  return entry.kind === "judgement" ? entry.answer : spotLineId(entry.wrongLine);
}

function verdictOf(entry: QuestionEntry, correct: boolean): QuestionVerdict {
  const fix = entry.kind === "audit" ? serveVariant(entry.id, 0) : null;
  return { correct, answer: answerOf(entry), why: entry.why, ...(fix ? { fix } : {}) };
}

/** The question as the browser may see it before an answer. */
export function viewQuestion(entry: QuestionEntry): QuestionView {
  if (entry.kind === "judgement")
    return { kind: "judgement", id: entry.id, question: entry.question, options: entry.options };
  return {
    kind: "audit",
    id: entry.id,
    title: entry.title,
    intro: entry.intro,
    ...(entry.source ? { source: entry.source } : {}),
    lines: entry.lines.map((text, index) => ({ id: spotLineId(index), text })),
  };
}

/**
 * Grade an answer to a judgement question or an audit's line, and store it once per (user, client id). A replay of
 * the same client id with the same body returns the stored verdict; with another body it is refused (conflict). A
 * missed judgement makes (or brings forward) its review card in the same transaction. `userId` null: a visitor,
 * graded, nothing stored.
 */
export async function answerQuestion(
  userId: string | null,
  input: QuestionAnswerRequest,
  now: Date,
): Promise<QuestionOutcome> {
  const entry = getQuestion(input.questionId);
  if (!entry) return refuse("not-found", `There is no judgement question or audit "${input.questionId}".`);
  const options = optionIdsOf(entry);
  if (!options.includes(input.optionId))
    return refuse(
      "invalid",
      `"${input.optionId}" is not an option of "${entry.id}"; pick one of ${options.join(", ")}.`,
    );
  const correct = input.optionId === answerOf(entry);
  if (!userId)
    return {
      ok: true,
      duplicate: false,
      stored: false,
      optionId: input.optionId,
      createdAt: null,
      ...verdictOf(entry, correct),
    };

  const existing = await findAnswer(userId, input.clientId);
  if (existing) return replay(existing, input);
  try {
    const row = await db().$transaction(async (tx) => {
      const created = await tx.questionAnswer.create({
        data: {
          userId,
          clientId: input.clientId,
          questionId: entry.id,
          kind: entry.kind,
          optionId: input.optionId,
          correct,
          source: input.source,
          createdAt: now,
        },
        select: answerSelect,
      });
      if (entry.kind === "judgement" && !correct) await flagMissedJudgement(tx, userId, entry.id, now);
      return created;
    });
    return {
      ok: true,
      duplicate: false,
      stored: true,
      optionId: row.optionId,
      createdAt: row.createdAt,
      ...verdictOf(entry, correct),
    };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findAnswer(userId, input.clientId);
      if (raced) return replay(raced, input);
    }
    throw error;
  }
}

function findAnswer(userId: string, clientId: string): Promise<AnswerRow | null> {
  return db().questionAnswer.findUnique({ where: { userId_clientId: { userId, clientId } }, select: answerSelect });
}

function replay(row: AnswerRow, input: QuestionAnswerRequest): QuestionOutcome {
  if (row.questionId !== input.questionId || row.optionId !== input.optionId || row.source !== input.source)
    return refuse("conflict", "This client id was already used for a different answer. Send a new client id.");
  const entry = getQuestion(row.questionId);
  if (!entry) return refuse("not-found", `There is no judgement question or audit "${row.questionId}".`);
  // The stored verdict stands, even if the content's answer has changed since.
  return {
    ok: true,
    duplicate: true,
    stored: true,
    optionId: row.optionId,
    createdAt: row.createdAt,
    ...verdictOf(entry, row.correct),
  };
}

/** The learner's last answer to each of `questionIds` (any source), with its verdict. */
export async function listLastAnswers(
  userId: string,
  questionIds: readonly string[],
): Promise<Map<string, QuestionPrevious>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db().questionAnswer.findMany({
    where: { userId, questionId: { in: [...questionIds] } },
    orderBy: { createdAt: "desc" },
    distinct: ["questionId"],
    select: answerSelect,
  });
  const previous = new Map<string, QuestionPrevious>();
  for (const row of rows) {
    const entry = getQuestion(row.questionId);
    if (entry)
      previous.set(row.questionId, {
        optionId: row.optionId,
        createdAt: row.createdAt,
        ...verdictOf(entry, row.correct),
      });
  }
  return previous;
}

/** The questions this learner has answered right at least once, of `questionIds`. */
export async function listAnsweredRight(userId: string, questionIds: readonly string[]): Promise<Set<string>> {
  const rows = await db().questionAnswer.findMany({
    where: { userId, questionId: { in: [...questionIds] }, correct: true },
    distinct: ["questionId"],
    select: { questionId: true },
  });
  return new Set(rows.map((row) => row.questionId));
}
