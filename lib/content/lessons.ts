import "server-only";
import path from "node:path";
import matter from "gray-matter";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { cacheByFiles, cachePerFile, displayPath, listContentFiles, readContentFile } from "./files";
import { ContentError, type ContentProblem } from "./problems";
import { remarkEnvelope, type RemarkEnvelopeContext } from "./remark-envelope";
import { lessonFrontmatterSchema, type LessonFrontmatter } from "./schemas";
import { listExercisesOfLesson } from "./exercises";
import { listQuestionsOfLesson } from "./questions";

export type LessonMeta = LessonFrontmatter & {
  /** the file name without extension, e.g. 02-numbers-to-know */
  basename: string;
  file: string;
};

export type CompiledLesson = {
  meta: LessonMeta;
  /** mdx-bundler output, rendered with getMDXComponent */
  code: string;
  /** exercise ids embedded with <Estimate>, in order */
  estimates: string[];
  calcs: RemarkEnvelopeContext["calcs"];
  /** judgement question and audit ids placed with <Judgement> / <Audit>, in order */
  judgements: string[];
  audits: string[];
  /** the same, with the line of each tag (content:check finds an item placed twice) */
  placements: { judgements: PlacedItem[]; audits: PlacedItem[] };
};

type PlacedItem = { id: string; line: number | undefined };

const FILE_NAME = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The line of `key:` in a file's frontmatter, for messages. */
function frontmatterLine(source: string, key: string): number | undefined {
  const index = source.split("\n").findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : undefined;
}

/** Read and validate one lesson's frontmatter. */
export function readLessonMeta(file: string): { meta?: LessonMeta; problems: ContentProblem[] } {
  const source = readContentFile(file);
  const shown = displayPath(file);
  const basename = path.basename(file, ".mdx");
  let data: unknown;
  try {
    data = matter(source).data;
  } catch (error) {
    return {
      problems: [
        {
          file: shown,
          line: 1,
          message: `frontmatter is not valid YAML: ${error instanceof Error ? error.message : error}`,
        },
      ],
    };
  }
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? "");
        return {
          file: shown,
          line: frontmatterLine(source, key) ?? 1,
          message: `frontmatter ${issue.path.join(".") || "(root)"}: ${issue.message}`,
        };
      }),
    };
  }
  const problems: ContentProblem[] = [];
  const name = FILE_NAME.exec(path.basename(file));
  if (!name) problems.push({ file: shown, message: "name lesson files NN-<id>.mdx, e.g. 02-numbers-to-know.mdx" });
  else if (name[2] !== parsed.data.id)
    problems.push({
      file: shown,
      line: frontmatterLine(source, "id"),
      message: `id "${parsed.data.id}" does not match the file name (${name[2]})`,
    });
  return { meta: { ...parsed.data, basename, file }, problems };
}

const lessonsCache = cacheByFiles<LessonMeta[]>();

/** Every lesson, in course order. Throws ContentError when any frontmatter is invalid. */
export function listLessons(): LessonMeta[] {
  const files = listContentFiles("lessons", ".mdx");
  return lessonsCache(files, () => readLessons(files));
}

function readLessons(files: readonly string[]): LessonMeta[] {
  const problems: ContentProblem[] = [];
  const lessons: LessonMeta[] = [];
  for (const file of files) {
    const result = readLessonMeta(file);
    problems.push(...result.problems);
    if (result.meta) lessons.push(result.meta);
  }
  if (problems.length) throw new ContentError(problems);
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return lessons;
}

export function getLesson(id: string): LessonMeta | null {
  return listLessons().find((lesson) => lesson.id === id) ?? null;
}

const compiledLessons = cachePerFile<CompiledLesson>();

/** Compile a lesson's MDX (once per process and file version). Throws ContentError with file and line on problems. */
export function compileLesson(meta: LessonMeta): Promise<CompiledLesson> {
  return compiledLessons(meta.file, () => compile(meta));
}

async function compile(meta: LessonMeta): Promise<CompiledLesson> {
  const exercises = listExercisesOfLesson(meta);
  const questions = listQuestionsOfLesson(meta);
  const { code, context } = await compileMdxFile(meta.file, new Set(exercises.map((e) => e.spec.id)), {
    exerciseGivens: new Map(exercises.map((e) => [e.spec.id, e.spec.givens])),
    judgementIds: new Set(questions.judgements.map((item) => item.id)),
    auditIds: new Set(questions.audits.map((item) => item.id)),
  });
  const placements = { judgements: context.judgements ?? [], audits: context.audits ?? [] };
  return {
    meta,
    code,
    estimates: context.estimates,
    calcs: context.calcs,
    judgements: [...new Set(placements.judgements.map((item) => item.id))],
    audits: [...new Set(placements.audits.map((item) => item.id))],
    placements,
  };
}

/**
 * Compile one MDX file of content (a lesson, a case stage's reference) with Envelope's components checked and every
 * <Calc> computed. `exerciseIds` are the exercises it may embed with <Estimate>, `options` their givens and the judgement questions
 * and audits it may place (a lesson's own). Throws ContentError with file and line.
 */
export async function compileMdxFile(
  file: string,
  exerciseIds: ReadonlySet<string>,
  options: Pick<RemarkEnvelopeContext, "exerciseGivens" | "judgementIds" | "auditIds"> = {},
): Promise<{ code: string; context: RemarkEnvelopeContext }> {
  const shown = displayPath(file);
  const context: RemarkEnvelopeContext = {
    file: shown,
    exerciseIds,
    ...options,
    problems: [],
    estimates: [],
    calcs: [],
  };
  let code: string;
  try {
    const result = await bundleMDX({
      source: readContentFile(file),
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, [remarkEnvelope, context]];
        return options;
      },
      // Errors are reported once, with file and line, by content:check; esbuild need not print them too.
      esbuildOptions(options) {
        options.logLevel = "silent";
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    throw new ContentError([
      { file: shown, line: mdxErrorLine(error), message: `MDX does not compile: ${firstLine(error)}` },
    ]);
  }
  if (context.problems.length) throw new ContentError(context.problems);
  return { code, context };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim()) ?? message;
}

/** esbuild reports MDX errors as `errors[].location.line`; fall back to "N:M" in the message. */
function mdxErrorLine(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "errors" in error && Array.isArray(error.errors)) {
    const location: unknown = error.errors[0]?.location;
    if (typeof location === "object" && location !== null && "line" in location && typeof location.line === "number")
      return location.line;
  }
  const match = /(\d+):(\d+)/.exec(error instanceof Error ? error.message : String(error));
  return match ? Number(match[1]) : undefined;
}
