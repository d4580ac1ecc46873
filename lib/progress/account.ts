import "server-only";
import { buildExercise, workExercise, type WorkedStep } from "@/lib/engine";
import {
  getCard,
  getExercise,
  listCards,
  listDrills,
  listExercisesOfLesson,
  listLessons,
  listQuestionsOfLesson,
  type ModuleId,
} from "@/lib/content";
import { db } from "./db";
import { judgementCardId, judgementCardText } from "./judgement-cards";
import { userSelect } from "./users";

/** Everything Envelope stores about a learner, as plain JSON (never the password hash). */
export async function exportUserData(userId: string) {
  const [user, settings, lessons, attempts, cards, reviews, questions] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: userSelect }),
    db().userSettings.findUnique({
      where: { userId },
      select: { desiredRetention: true, timeZone: true, dayStartHour: true },
    }),
    db().lessonProgress.findMany({ where: { userId }, orderBy: { startedAt: "asc" }, omit: { userId: true } }),
    db().attempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db().reviewCard.findMany({ where: { userId }, orderBy: { cardId: "asc" }, omit: { userId: true } }),
    db().reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" }, omit: { userId: true } }),
    db().questionAnswer.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
  ]);
  return { exportedAt: new Date().toISOString(), user, settings, lessons, attempts, cards, reviews, questions };
}

/** One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break, with quotes doubled. */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type CardText = { question: string; answer: string };

/**
 * What a card asks and answers, from the content (the database stores ids only). A flashcard has its own question and
 * answer. A missed step is asked with fresh numbers at each review, so the export states it with the lesson's own
 * numbers: the exercise title, its scenario and the step's prompt, and the worked answer. A card whose content is gone
 * gets empty text.
 */
function cardTextReader(): (cardId: string) => CardText {
  type Worked = { title: string; scenario: string; steps: Map<string, WorkedStep> };
  const worked = new Map<string, Worked | null>();
  function workedExercise(exerciseId: string): Worked | null {
    const known = worked.get(exerciseId);
    if (known !== undefined) return known;
    const exercise = getExercise(exerciseId);
    const built = exercise ? buildExercise(exercise.spec, 0) : null;
    const result = built
      ? {
          title: built.title,
          scenario: built.scenario,
          steps: new Map(workExercise(built).map((step) => [step.id, step])),
        }
      : null;
    worked.set(exerciseId, result);
    return result;
  }
  return (cardId) => {
    if (cardId.startsWith("judge:")) return judgementCardText(cardId) ?? { question: "", answer: "" };
    const step = /^step:([^:]+):([^:]+)$/.exec(cardId);
    if (!step) {
      const card = getCard(cardId);
      return card ? { question: card.q, answer: card.a } : { question: "", answer: "" };
    }
    const [, exerciseId = "", stepId = ""] = step;
    const exercise = workedExercise(exerciseId);
    const work = exercise?.steps.get(stepId);
    if (!exercise || !work) return { question: "", answer: "" };
    return {
      question: `${exercise.title}: ${exercise.scenario} ${work.prompt}`,
      answer: `${work.result} (${work.substituted})`,
    };
  };
}

const REVIEW_LOG_CSV_HEADER = [
  "reviewed_at",
  "card_id",
  "question",
  "answer",
  "kind",
  "rating",
  "verdict",
  "duration_ms",
  "undoes",
  "state_before",
  "due_before",
  "state_after",
  "due_after",
  "client_id",
] as const;

/**
 * The review log as CSV, one row per rating or undo, oldest first, with each card's question and answer so the file
 * reads on its own in a spreadsheet and imports into Anki (map `question` and `answer` to Front and Back). RFC 4180:
 * a header row, CRLF line ends, quoted fields; a UTF-8 byte-order mark so spreadsheet programs read "×" and "≈" as such.
 */
export async function reviewLogCsv(userId: string): Promise<string> {
  const rows = await db().reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { clientId: "asc" }],
  });
  const textOf = cardTextReader();
  const lines = rows.map((row) => {
    const before =
      typeof row.before === "object" && row.before !== null && !Array.isArray(row.before) ? row.before : {};
    const after = typeof row.after === "object" && row.after !== null && !Array.isArray(row.after) ? row.after : {};
    const { question, answer } = textOf(row.cardId);
    return [
      row.reviewedAt,
      row.cardId,
      question,
      answer,
      row.kind,
      row.rating,
      row.verdict,
      row.durationMs,
      row.undoes,
      before.state,
      before.due,
      after.state,
      after.due,
      row.clientId,
    ]
      .map(csvCell)
      .join(",");
  });
  return `\uFEFF${[REVIEW_LOG_CSV_HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}

/**
 * Forget a learner's progress in one module: its lessons' completion, the attempts at its exercises and drills, the
 * answers to its judgement questions and audits, and its cards (flashcards, missed steps, missed judgements) with their
 * review history. Nothing outside the module is touched.
 */
export async function resetModuleProgress(
  userId: string,
  module: ModuleId,
): Promise<{ lessons: number; attempts: number; cards: number }> {
  const lessons = listLessons().filter((lesson) => lesson.module === module);
  const lessonIds = lessons.map((l) => l.id);
  // A lesson's judgement questions and audits go with it (an audit's id is also its fix exercise's).
  const questions = lessons.map((lesson) => listQuestionsOfLesson(lesson));
  const judgementIds = questions.flatMap((q) => q.judgements.map((item) => item.id));
  const auditIds = questions.flatMap((q) => q.audits.map((item) => item.id));
  const exerciseIds = [
    ...lessons.flatMap((lesson) => listExercisesOfLesson(lesson).map((entry) => entry.spec.id)),
    ...auditIds,
    ...listDrills()
      .filter((drill) => lessonIds.includes(drill.lesson))
      .map((drill) => drill.id),
  ];
  const cardIds = [
    ...[...listCards().values()].filter((card) => card.module === module).map((card) => card.id),
    ...judgementIds.map(judgementCardId),
  ];
  const stepPrefixes = exerciseIds.map((id) => `step:${id}:`);
  return db().$transaction(async (tx) => {
    const stepCards = await tx.reviewCard.findMany({
      where: {
        userId,
        OR: stepPrefixes.length ? stepPrefixes.map((prefix) => ({ cardId: { startsWith: prefix } })) : [{ cardId: "" }],
      },
      select: { cardId: true },
    });
    const allCards = [...cardIds, ...stepCards.map((c) => c.cardId)];
    const removedLessons = await tx.lessonProgress.deleteMany({ where: { userId, lessonId: { in: lessonIds } } });
    const removedAttempts = await tx.attempt.deleteMany({ where: { userId, exerciseId: { in: exerciseIds } } });
    await tx.questionAnswer.deleteMany({ where: { userId, questionId: { in: [...judgementIds, ...auditIds] } } });
    await tx.reviewLog.deleteMany({ where: { userId, cardId: { in: allCards } } });
    const removedCards = await tx.reviewCard.deleteMany({ where: { userId, cardId: { in: allCards } } });
    return { lessons: removedLessons.count, attempts: removedAttempts.count, cards: removedCards.count };
  });
}
