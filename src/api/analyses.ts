import { analyseSensitivity, type SensitivityResult } from '../analysis/sensitivity.js';
import { analyseStability, type StabilityResult } from '../analysis/stability.js';
import { explainOutcome, type WhyResult } from '../analysis/why.js';
import { compileModel } from '../compile/compiled-model.js';
import { getHorizon } from '../explore/explore-scenario.js';
import { exploreStateGraph } from '../explore/state-graph.js';
import type { OutcomeId } from '../model/ids.js';
import { checkQuery, type CheckResult } from '../query/check-query.js';
import { renderJointGraph, renderStatecharts, type GraphFormat } from '../report/graph-export.js';
import { DEFAULT_API_MAX_STATES, getStart } from './explore.js';
import { assertOutcome } from './outcome-lookup.js';
import type { Scenario } from './scenario.js';
import { toHorizonOptions, type From, type Within } from './start.js';

/** Where a question starts, how far it looks, and how many joint states it may search. */
export interface QuestionOptions {
  readonly from?: From;
  readonly within?: Within;
  readonly maxStates?: number;
  /** Asked now and then; once it returns true the answer is given from what was searched (marked `stopped`). */
  readonly shouldStop?: () => boolean;
}

const searchOptions = (scenario: Scenario, options: QuestionOptions) => ({
  start: getStart(scenario, options.from),
  settings: {
    ...toHorizonOptions(options.within),
    maxStates: options.maxStates ?? DEFAULT_API_MAX_STATES,
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
  },
});

/** Explains how an outcome is reached (or why not): as `parley why --json`. Throws `UnknownOutcomeError` for an outcome the scenario lacks. */
export function why(
  scenario: Scenario,
  outcome: string,
  options: QuestionOptions & { readonly maxSetSize?: number } = {},
): WhyResult {
  assertOutcome(scenario, outcome);
  const { start, settings } = searchOptions(scenario, options);
  return explainOutcome(scenario.model, start, outcome as OutcomeId, {
    ...settings,
    ...(options.maxSetSize !== undefined && { maxSetSize: options.maxSetSize }),
  });
}

/** Answers a query (`eventually`, `never`, `always`, `before`, `within N days`): as `parley check --json`. */
export function check(scenario: Scenario, query: string, options: QuestionOptions = {}): CheckResult {
  const { start, settings } = searchOptions(scenario, options);
  return checkQuery(scenario.model, start, query, settings);
}

/** The stability of each reachable outcome in the Graph Model for Conflict Resolution: as `parley stability --json`. */
export function stability(scenario: Scenario, options: QuestionOptions = {}): StabilityResult {
  const { start, settings } = searchOptions(scenario, options);
  return analyseStability(scenario.model, start, settings);
}

/** How each outcome's probability depends on the uncertain likelihoods: as `parley sensitivity --json`. */
export function sensitivity(
  scenario: Scenario,
  options: QuestionOptions & { readonly outcomes?: readonly string[] } = {},
): SensitivityResult {
  for (const outcome of options.outcomes ?? []) assertOutcome(scenario, outcome);
  const { start, settings } = searchOptions(scenario, options);
  return analyseSensitivity(scenario.model, start, {
    ...settings,
    ...(options.outcomes && { outcomes: options.outcomes as OutcomeId[] }),
  });
}

/**
 * Renders the party statecharts, or (`joint: true`) the explored joint graph, lumped by outcome
 * beyond `maxNodes` states (default 120): as `parley graph`.
 */
export function graph(
  scenario: Scenario,
  options: QuestionOptions & {
    readonly format?: GraphFormat;
    readonly joint?: boolean;
    readonly maxNodes?: number;
  } = {},
): string {
  const format = options.format ?? 'mermaid';
  if (!options.joint) return renderStatecharts(scenario.model, format);
  const { start, settings } = searchOptions(scenario, options);
  const compiled = compileModel(scenario.model, start.joint.day, getHorizon(start.joint.day, settings));
  const explored = exploreStateGraph(compiled, compiled.encode(start.joint), settings);
  return renderJointGraph(scenario.model, compiled, explored, format, options.maxNodes ?? 120);
}
