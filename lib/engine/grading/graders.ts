import { gradeExact } from "./grade-exact.ts";
import { gradeRange } from "./grade-range.ts";
import { gradeRatio } from "./grade-ratio.ts";
import { gradeRelative } from "./grade-relative.ts";
import type { Grader, Tolerance } from "./types.ts";

/** One grader per tolerance kind; a kind without a grader does not type-check. */
export const graders = {
  exact: gradeExact,
  relative: gradeRelative,
  ratio: gradeRatio,
  range: gradeRange,
} satisfies { [K in Tolerance["kind"]]: Grader<Extract<Tolerance, { kind: K }>> };
