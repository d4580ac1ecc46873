import "server-only";
import path from "node:path";
import { z } from "zod";
import type { ExerciseSpec } from "@/lib/engine";
import { contentRoot, listContentFiles } from "./files";
import { locateItemBy, readJsonContent } from "./json-file";
import type { LessonMeta } from "./lessons";
import { ContentError, type ContentProblem } from "./problems";
import { auditExerciseSpec, auditSchema, judgementSchema, type Audit, type Judgement } from "./question-schema";

export type JudgementEntry = Judgement & { file: string; lessonId: string };
export type AuditEntry = Audit & { file: string; lessonId: string; spec: ExerciseSpec };
export type QuestionEntry = ({ kind: "judgement" } & JudgementEntry) | ({ kind: "audit" } & AuditEntry);

export const QUESTION_SUFFIXES = { judgement: ".judgements.json", audit: ".audits.json" } as const;

/** Read one `<lesson>.judgements.json`; problems with file and line. */
export function readJudgementFile(
  file: string,
  lessonId: string,
): { entries: JudgementEntry[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, z.array(judgementSchema), locateItemBy("id"));
  return { entries: (data ?? []).map((item) => ({ ...item, file, lessonId })), problems };
}

/** Read one `<lesson>.audits.json`; each audit comes with its fix as an exercise spec. */
export function readAuditFile(file: string, lessonId: string): { entries: AuditEntry[]; problems: ContentProblem[] } {
  const { data, problems } = readJsonContent(file, z.array(auditSchema), locateItemBy("id"));
  return {
    entries: (data ?? []).map((item) => ({ ...item, file, lessonId, spec: auditExerciseSpec(item) })),
    problems,
  };
}

/** Every judgement or audit file in content/lessons with the lesson basename its name implies. */
export function listQuestionFiles(
  kind: keyof typeof QUESTION_SUFFIXES,
  root = contentRoot(),
): { file: string; basename: string }[] {
  return listContentFiles("lessons", QUESTION_SUFFIXES[kind], root).map((file) => ({
    file,
    basename: path.basename(file, QUESTION_SUFFIXES[kind]),
  }));
}

/** The judgement questions and audits declared beside a lesson, or none. Throws ContentError on a bad file. */
export function listQuestionsOfLesson(lesson: Pick<LessonMeta, "basename" | "id" | "file">): {
  judgements: JudgementEntry[];
  audits: AuditEntry[];
} {
  const root = path.dirname(/*turbopackIgnore: true*/ path.dirname(lesson.file));
  const sibling = (kind: keyof typeof QUESTION_SUFFIXES) => {
    const file = path.join(
      /*turbopackIgnore: true*/ path.dirname(lesson.file),
      `${lesson.basename}${QUESTION_SUFFIXES[kind]}`,
    );
    return listContentFiles("lessons", QUESTION_SUFFIXES[kind], root).includes(file) ? file : null;
  };
  const problems: ContentProblem[] = [];
  const judgementFile = sibling("judgement");
  const auditFile = sibling("audit");
  const judgements = judgementFile ? readJudgementFile(judgementFile, lesson.id) : { entries: [], problems: [] };
  const audits = auditFile ? readAuditFile(auditFile, lesson.id) : { entries: [], problems: [] };
  problems.push(...judgements.problems, ...audits.problems);
  if (problems.length) throw new ContentError(problems);
  return { judgements: judgements.entries, audits: audits.entries };
}
