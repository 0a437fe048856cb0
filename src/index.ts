/**
 * parley's library: load a scenario, replay it, explore what can still happen and sample it; and,
 * underneath, the parties as XState v5 machines and the one pure `step` over the joint state.
 * The command line is a thin layer over `loadScenario`, `run`, `explore` and `sample`.
 */
export { loadScenario, ScenarioError, type Scenario } from './api/scenario.js';
export { scenarioFromObject, withOverlay, withLikelihood, withoutEvent } from './api/scenario-in-code.js';
export { run, ReplayError, type RunOptions, type RunResult } from './api/run.js';
export { explore, type ExploreOptions } from './api/explore.js';
export { StartError, type QuestionOptions } from './api/start.js';
export type { ProgressReport, OnProgress } from './explore/progress.js';
export { UnknownOutcomeError } from './api/outcome-lookup.js';
export { sample, type SampleOptions } from './api/sample.js';
export { why, check, stability, sensitivity, graph, ablate } from './api/analyses.js';
export { OptionError } from './analysis/option-error.js';
export type { WhyResult, EventSource, Producer } from './analysis/why.js';
export type { CheckResult, ClauseAnswer } from './query/check-query.js';
export type {
  StabilityResult,
  OutcomeStability,
  PartyStability,
  PositionStability,
  CoalitionStability,
  ImprovementReport,
  StatusQuoReach,
  CitedMove,
  Concept,
  StabilityOptions,
} from './analysis/stability.js';
export type { SensitivityResult, OutcomeSensitivity, Assumption } from './analysis/sensitivity.js';
export type {
  AblationResult,
  AblationBaseline,
  ElementEffect,
  ElementEffectKind,
  ElementOutcomeChange,
} from './analysis/ablation.js';
export type { DiffResult, DiffSide, OutcomeChange, OutcomeChangeKind, OutcomeSideAnswer } from './analysis/diff.js';
export { diffExplorations } from './analysis/diff.js';
export { QuerySyntaxError, parseQuery } from './query/parse-query.js';
export { QueryReferenceError } from './query/resolve-query.js';
export type { GraphFormat } from './report/graph-export.js';
export type { From, Within } from './api/start.js';
export type { ExploreResult, OutcomeReach, OutcomeStatus, DeadEnd } from './explore/explore-scenario.js';
export type { PathKind } from './explore/witness-path.js';
export type { Witness } from './explore/witness.js';
export type { SampleResult } from './sample/sample-scenario.js';
export type { SampledOutcome, SampledPath } from './sample/summarise.js';
export type { PathStep } from './run/path-steps.js';
export type { StartPoint } from './run/start-point.js';
export { DAY_PASSES, type Move } from './engine/move.js';
export { getMoves, type WeightedMove } from './engine/moves.js';
export type { Horizon } from './engine/horizon.js';

export type { EventId, FactId, OutcomeId, ParagraphId, PartyId, StanceId } from './model/ids.js';
export type { Comparison, Condition, FactValue, JointView } from './model/condition.js';
export type { Diagnostic, DiagnosticCode, Severity, Span } from './model/diagnostic.js';
export type {
  BooleanFact,
  EnumFact,
  Fact,
  IntegerFact,
  Likelihood,
  Model,
  Outcome,
  Party,
  ScenarioEvent,
  Source,
  Stance,
  StanceTransition,
} from './model/model.js';
export { ESTIMATIVE_BANDS, findEstimativeBand, type EstimativeBand } from './model/estimative.js';
export { parseScenario, type ParsedScenario } from './model/load.js';
export { getScenarioJsonSchema } from './model/scenario-json-schema.js';
export {
  createPartyMachine,
  getPartyMachine,
  getPartyMachines,
  type PartyMachine,
  type PartyMachineEvent,
} from './model/machines.js';
export { holds, compileCondition } from './model/evaluate-condition.js';
export { explainFailure, describeCondition } from './model/explain-condition.js';

export { checkScenarioText, type CheckedScenario } from './scenario/check-scenario.js';
export { readScenarioFile } from './scenario/read-scenario.js';

export {
  getInitialJointState,
  getJointView,
  getStance,
  getStances,
  type JointState,
  type PartySnapshot,
} from './engine/joint-state.js';
export { step } from './engine/step.js';
export { isEventEnabled } from './engine/enabled.js';
export { getHoldingOutcomes } from './engine/outcomes.js';
export {
  canonicalJson,
  fromJointStateJson,
  getJointStateKey,
  toJointStateJson,
  type JointStateJson,
} from './engine/serialise.js';

export { replayEvents, replayTimeline, type Replay, type TraceStep } from './run/replay-timeline.js';
export {
  getRunRecords,
  type RunRecord,
  type ScenarioRecord,
  type StepRecord,
  type SummaryRecord,
} from './run/trace-report.js';

export { checkParagraphMarkers, parseSourceText } from './source/source-text.js';
export { checkQuotes } from './source/check-quotes.js';
