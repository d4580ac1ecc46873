/** A problem in a content file, reported by `npm run content:check` as `file:line: message`. */
export type ContentProblem = { file: string; line?: number | undefined; message: string };

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}

/** Thrown when content cannot be loaded; carries every problem found, each with its file and line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}
