// Case studies as practice interviews: the coverage rule of checklists, the stage machine and the score card.
// Pure: no database, no content reads; lib/progress stores a learner's case, lib/content reads the cases.

export { CASE_STAGES, type CaseStage } from "./stage-names";
export { coverPoint, markCredit, type CoverageMark, type MatchRule, type PointCoverage } from "./coverage";
export { START, advanceCase, caseSteps, hasReached, isRevealed, mayWrite, type CaseEvent, type CaseState, type CaseStep, type Transition } from "./stages";
export { STAGE_WEIGHTS, bandFor, ratingFor, scoreCase, stageShare, type Band, type Rating, type ScoreCard, type StageScore, type StageWork } from "./score";
