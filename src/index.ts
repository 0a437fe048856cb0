/**
 * parley's library: load a scenario, compile its parties to XState v5 machines, and step the joint
 * state of the negotiation with the one pure `step`.
 */
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
export { getScenarioJsonSchema } from './model/schema.js';
export { createPartyMachine, getPartyMachine, getPartyMachines, type PartyMachine, type PartyMachineEvent } from './model/machines.js';
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
export { canonicalJson, fromJointStateJson, getJointStateKey, toJointStateJson, type JointStateJson } from './engine/serialise.js';

export { replayEvents, replayTimeline, type Replay, type TraceStep } from './run/replay-timeline.js';
export { getRunRecords, type RunRecord, type ScenarioRecord, type StepRecord, type SummaryRecord } from './run/trace-report.js';

export { parseSourceText } from './source/source-text.js';
export { checkQuotes } from './source/check-quotes.js';
