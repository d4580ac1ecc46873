// The calculation engine: the only entry point for the app, scripts and tests (lib/engine/client.ts is the
// browser's parser and formatter). Pure functions: no fs, clock, randomness, React, Next or Prisma.

export { EngineError, type EngineErrorCode } from "./engine-error.ts";
export type { Dimension } from "./dimension.ts";
export type { Quantity, QuantityRange } from "./quantity.ts";

export { parseQuantity, type ParseResult } from "./answer/parse-quantity.ts";
export { convert } from "./convert.ts";
export { evaluate, type Scope } from "./evaluate.ts";
export { formatQuantity } from "./format-quantity.ts";

export { grade } from "./grading/grade.ts";
export {
  DEFAULT_TOLERANCE,
  type Calibration,
  type ExactTolerance,
  type GradeResult,
  type RangeTolerance,
  type RatioTolerance,
  type RelativeTolerance,
  type Tolerance,
  type Verdict,
} from "./grading/types.ts";
export {
  MIN_RANGES_FOR_VERDICT,
  UNINFORMATIVE_LOG_WIDTH,
  describeCalibration,
  summariseCalibration,
  wilsonInterval,
  type CalibrationSummary,
  type CalibrationVerdict,
} from "./calibration.ts";

export {
  toleranceSchema,
  type ExerciseSpec,
  type ExerciseSpecInput,
  type GivenSpec,
  type StepSpec,
} from "./exercise/spec.ts";
export { exerciseSpecSchema } from "./exercise/validate.ts";
export { mulberry32 } from "./exercise/prng.ts";
export { buildExercise, type BuiltExercise, type BuiltGiven, type BuiltStep } from "./exercise/build.ts";
export { toPrompt, type ExercisePrompt, type GivenPrompt, type StepPrompt } from "./exercise/prompt.ts";
export {
  gradeExercise,
  gradeOpenExercise,
  workExercise,
  type ExerciseGrade,
  type StepAnswers,
  type StepGrade,
  type WorkedStep,
} from "./exercise/grade-exercise.ts";
export {
  alignChain,
  traceChain,
  type ChainAlignment,
  type ChainAssumption,
  type ChainStatus,
  type ChainStep,
  type ChainTrace,
} from "./exercise/align-chain.ts";
export {
  SCRATCHPAD_MAX_LINES,
  SCRATCHPAD_MAX_LINE_LENGTH,
  evaluateScratchpad,
  givenScope,
  type ScratchLine,
} from "./scratchpad/evaluate-lines.ts";
