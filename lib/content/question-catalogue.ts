import "server-only";
import { cacheByFiles, listContentFiles } from "./files";
import { listLessons } from "./lessons";
import {
  QUESTION_SUFFIXES,
  listQuestionsOfLesson,
  type AuditEntry,
  type JudgementEntry,
  type QuestionEntry,
} from "./questions";

const questionsCache = cacheByFiles<Map<string, QuestionEntry>>();

/** Every judgement and audit of the course by id, in course order; read again when a lesson or question file changes. */
function questionsById(): Map<string, QuestionEntry> {
  const files = [
    ...listContentFiles("lessons", ".mdx"),
    ...listContentFiles("lessons", QUESTION_SUFFIXES.judgement),
    ...listContentFiles("lessons", QUESTION_SUFFIXES.audit),
  ];
  return questionsCache(files, () => {
    const byId = new Map<string, QuestionEntry>();
    for (const lesson of listLessons()) {
      const { judgements, audits } = listQuestionsOfLesson(lesson);
      for (const item of judgements) byId.set(item.id, { kind: "judgement", ...item });
      for (const item of audits) byId.set(item.id, { kind: "audit", ...item });
    }
    return byId;
  });
}

/** A judgement question or an audit by id, or null. */
export function getQuestion(id: string): QuestionEntry | null {
  return questionsById().get(id) ?? null;
}

/** Every audit of the course, in course order (the audits drill serves them). */
export function listAudits(): AuditEntry[] {
  return [...questionsById().values()].flatMap((entry) => (entry.kind === "audit" ? [entry] : []));
}

/** Every judgement question of the course, in course order. */
export function listJudgements(): JudgementEntry[] {
  return [...questionsById().values()].flatMap((entry) => (entry.kind === "judgement" ? [entry] : []));
}
