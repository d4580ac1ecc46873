// Case studies as practice interviews: the coverage rule of checklists, the stage machine and the score card.
// Pure: no database, no content reads; lib/progress stores a learner's case, lib/content reads the cases.

export { CASE_STAGES, CASE_STEP_NAMES, type CaseStage } from "./stage-names";
export { coverPoint, markCredit, type CoverageMark, type MatchRule, type PointCoverage } from "./coverage";
export {
  START,
  advanceCase,
  caseSteps,
  hasReached,
  isRevealed,
  mayWrite,
  type CaseEvent,
  type CaseState,
  type CaseStep,
  type Transition,
} from "./stages";
export {
  STAGE_WEIGHTS,
  bandFor,
  ratingFor,
  scoreCase,
  stageShare,
  type Band,
  type Rating,
  type ScoreCard,
  type StageScore,
  type StageWork,
} from "./score";

/** The option id of line `index` (0-based) of a spot-the-problem item: the learner picks the wrong line like a choice. */
export function spotLineId(index: number): string {
  return `line-${index + 1}`;
}
