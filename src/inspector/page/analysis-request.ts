import { analyseAblation, type AblationResult } from '../../analysis/ablation.js';
import { analyseSensitivity, type SensitivityResult } from '../../analysis/sensitivity.js';
import { analyseStability, type StabilityResult } from '../../analysis/stability.js';
import { explainOutcome, type WhyResult } from '../../analysis/why.js';
import type { JointState } from '../../engine/joint-state.js';
import { fromJointStateJson, type JointStateJson } from '../../engine/serialise.js';
import { exploreScenario, type ExploreResult } from '../../explore/explore-scenario.js';
import type { EventId, OutcomeId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';
import { checkQuery, type CheckResult } from '../../query/check-query.js';
import { getQuestionModel } from '../../run/question-model.js';
import type { Start } from '../../run/start-point.js';

/** The most states a question asked in the page may explore: smaller than the command line's, for a browser tab. */
export const PAGE_MAX_STATES = 200_000;
const LIMITS = { maxStates: PAGE_MAX_STATES };

/**
 * A question the page asks about a point: its joint state (as JSON, since a worker is sent only
 * data) and the timeline events that led to it (the model a question there asks of depends on
 * them: see `getQuestionModel`; ablation also replays them). Each is answered by the same analysis
 * the command line runs.
 */
export type AnalysisRequest = { readonly state: JointStateJson; readonly history: readonly EventId[] } & (
  | { readonly kind: 'explore' }
  | { readonly kind: 'why'; readonly outcome: string }
  | { readonly kind: 'stability' }
  | { readonly kind: 'sensitivity' }
  | { readonly kind: 'ablation' }
  | { readonly kind: 'check'; readonly query: string }
);

/** What each kind of question is answered with. */
export interface AnalysisAnswers {
  readonly explore: ExploreResult;
  readonly why: WhyResult;
  readonly stability: StabilityResult;
  readonly sensitivity: SensitivityResult;
  readonly ablation: AblationResult;
  /** A query that cannot be checked (a syntax error, an unknown name) is answered with its message. */
  readonly check: CheckResult | string;
}

export type AnalysisKind = AnalysisRequest['kind'];
export type AnalysisAnswer = AnalysisAnswers[AnalysisKind];

/**
 * Returns the key that names a request: its kind, the point's joint state key, and what it asks
 * there. Pure; equal requests have equal keys, so each is answered once.
 */
export function getRequestKey(request: AnalysisRequest, jointKey: string): string {
  const detail = request.kind === 'why' ? request.outcome : request.kind === 'check' ? request.query : '';
  return `${request.kind}\u0000${jointKey}\u0000${request.history.join('~')}\u0000${detail}`;
}

/** The start of a question asked at a point. */
function startAt(joint: JointState, history: readonly EventId[] = []): Start {
  return { point: { kind: 'end' }, joint, history: [...history], description: 'this point' };
}

/**
 * Answers a request with the command line's own analyses. Pure, and as costly as the analysis
 * asked (an exploration of up to `PAGE_MAX_STATES` states; sensitivity and ablation explore again
 * per assumption or element): the page asks it of a worker, so that stepping never waits.
 */
export function answerRequest(scenario: Model, request: AnalysisRequest): AnalysisAnswer {
  const model = getQuestionModel(scenario, request.history);
  const joint = fromJointStateJson(model, request.state);
  const start = startAt(joint, request.history);
  switch (request.kind) {
    case 'explore':
      return exploreScenario(model, start, { ...LIMITS, path: 'likeliest' });
    case 'why':
      return explainOutcome(model, start, request.outcome as OutcomeId, LIMITS);
    case 'stability':
      return analyseStability(model, start, LIMITS);
    case 'sensitivity':
      return analyseSensitivity(model, start, LIMITS);
    case 'ablation':
      return analyseAblation(model, start, LIMITS);
    case 'check':
      try {
        return checkQuery(model, start, request.query, LIMITS);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
  }
}
