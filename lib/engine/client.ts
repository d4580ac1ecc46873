// The browser's entry to the engine: the parser and the formatter, to echo how an answer is read as the learner
// types, the scratchpad's evaluator (formulas the learner writes), and the types of what the server sends. It imports nothing of the exercise builder or the grader, so
// client bundles stay small and never hold a formula.

export { parseQuantity, type ParseResult } from "./answer/parse-quantity.ts";
export { formatQuantity } from "./format-quantity.ts";
export type { Quantity, QuantityRange } from "./quantity.ts";
export type { Calibration, GradeResult, Verdict } from "./grading/types.ts";
export type { ExercisePrompt, GivenPrompt, StepPrompt } from "./exercise/prompt.ts";
export type { ExerciseGrade, StepAnswers, StepGrade, WorkedStep } from "./exercise/grade-exercise.ts";
export {
  SCRATCHPAD_MAX_LINES,
  SCRATCHPAD_MAX_LINE_LENGTH,
  evaluateScratchpad,
  givenScope,
  type ScratchLine,
} from "./scratchpad/evaluate-lines.ts";
export { evaluate, type Scope } from "./evaluate.ts";
// The seeded PRNG and string hash the drills use, so the lessons' widgets draw the same traces and rings everywhere.
export { hashString, mulberry32 } from "./exercise/prng.ts";
export type { ChainAlignment, ChainAssumption, ChainStatus, ChainStep } from "./exercise/align-chain.ts";
