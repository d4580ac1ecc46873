import "server-only";
import { checkExercise } from "./check-exercise";
import { displayPath, readContentFile } from "./files";
import { lineOfValue } from "./json-file";
import type { CompiledLesson, LessonMeta } from "./lessons";
import type { ContentProblem } from "./problems";
import { listQuestionFiles, readAuditFile, readJudgementFile, type AuditEntry, type JudgementEntry } from "./questions";

type Claim = (id: string, kind: string, file: string, line: number | undefined) => void;

export type QuestionCheck = { judgements: JudgementEntry[]; audits: AuditEntry[]; variantsBuilt: number };

function lineOfId(file: string, id: string): number | undefined {
  return lineOfValue(readContentFile(file), "id", id);
}

/**
 * Read every lesson's judgement questions and audits: each file beside a lesson, each id claimed (unique across the
 * content, recorded in published-ids), and each audit's fix built as an exercise at every checked seed.
 */
export function checkQuestionFiles(
  lessons: readonly LessonMeta[],
  root: string,
  claim: Claim,
  problems: ContentProblem[],
): QuestionCheck {
  const byBasename = new Map(lessons.map((lesson) => [lesson.basename, lesson]));
  const result: QuestionCheck = { judgements: [], audits: [], variantsBuilt: 0 };
  for (const kind of ["judgement", "audit"] as const) {
    for (const { file, basename } of listQuestionFiles(kind, root)) {
      const lesson = byBasename.get(basename);
      if (!lesson) {
        problems.push({ file: displayPath(file), message: `no lesson ${basename}.mdx beside this ${kind} file` });
        continue;
      }
      if (kind === "judgement") {
        const read = readJudgementFile(file, lesson.id);
        problems.push(...read.problems);
        for (const entry of read.entries) claim(entry.id, "judgement", file, lineOfId(file, entry.id));
        result.judgements.push(...read.entries);
      } else {
        const read = readAuditFile(file, lesson.id);
        problems.push(...read.problems);
        for (const entry of read.entries) {
          claim(entry.id, "audit", file, lineOfId(file, entry.id));
          result.variantsBuilt += checkExercise(
            { spec: entry.spec, file, lessonId: lesson.id, skill: entry.skill },
            problems,
          );
        }
        result.audits.push(...read.entries);
      }
    }
  }
  return result;
}

/** Every judgement question and audit of a lesson is placed in it exactly once (<Judgement id/>, <Audit id/>). */
export function checkPlacements(
  lesson: LessonMeta,
  compiled: CompiledLesson,
  questions: QuestionCheck,
  problems: ContentProblem[],
): void {
  const kinds = [
    { tag: "Judgement", items: questions.judgements, placed: compiled.placements.judgements },
    { tag: "Audit", items: questions.audits, placed: compiled.placements.audits },
  ];
  for (const { tag, items, placed } of kinds) {
    for (const item of items.filter((entry) => entry.lessonId === lesson.id)) {
      const tags = placed.filter((placement) => placement.id === item.id);
      if (tags.length === 0)
        problems.push({
          file: displayPath(item.file),
          line: lineOfId(item.file, item.id),
          message: `${tag.toLowerCase()} "${item.id}" is not placed in ${lesson.basename}.mdx with <${tag} id="${item.id}" />`,
        });
      for (const extra of tags.slice(1))
        problems.push({
          file: displayPath(lesson.file),
          line: extra.line,
          message: `<${tag} id="${item.id}" /> is placed ${tags.length} times; place each ${tag.toLowerCase()} once (first on line ${tags[0]?.line ?? "?"})`,
        });
    }
  }
}
