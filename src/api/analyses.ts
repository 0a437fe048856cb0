import { analyseAblation, type AblationResult } from '../analysis/ablation.js';
import { analyseSensitivity, type SensitivityResult } from '../analysis/sensitivity.js';
import { analyseStability, type Concept, type StabilityOptions, type StabilityResult } from '../analysis/stability.js';
import { explainOutcome, type WhyResult } from '../analysis/why.js';
import { exploreFrom } from '../explore/exploration.js';
import type { OutcomeId, PartyId } from '../model/ids.js';
import type { FactValue } from '../model/condition.js';
import { checkQuery, type CheckResult } from '../query/check-query.js';
import { renderJointGraph, renderStatecharts, type GraphFormat } from '../report/graph-export.js';
import { assertOutcome } from './outcome-lookup.js';
import type { PathKind } from '../explore/witness-path.js';
import { assertCheckedScenario, type Scenario } from './scenario.js';
import { getQuestionSettings, type QuestionOptions } from './start.js';
import { validateOptions } from '../options/validate-options.js';
import { deepFreeze } from './deep-freeze.js';
import {
  ABLATE_OPTIONS,
  CHECK_OPTIONS,
  GRAPH_OPTIONS,
  SENSITIVITY_OPTIONS,
  STABILITY_OPTIONS,
  WHY_OPTIONS,
} from '../options/api-option-rules.js';

/** Explains how an outcome is reached (or why not): as `parley why --json`. Throws `UnknownOutcomeError` for an outcome the scenario lacks. */
export function why(
  scenario: Scenario,
  outcome: string,
  options: QuestionOptions & { readonly maxSetSize?: number; readonly path?: PathKind } = {},
): WhyResult {
  validateOptions('why', options, WHY_OPTIONS);
  assertOutcome(scenario, outcome);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return deepFreeze(
    explainOutcome(model, start, outcome as OutcomeId, {
      ...settings,
      ...(options.maxSetSize !== undefined && { maxSetSize: options.maxSetSize }),
      ...(options.path && { path: options.path }),
    }),
  );
}

/** Answers a query (`eventually`, `never`, `always`, `before`, `within N days`): as `parley check --json`. */
export function check(
  scenario: Scenario,
  query: string,
  options: QuestionOptions & { readonly path?: PathKind } = {},
): CheckResult {
  validateOptions('check', options, CHECK_OPTIONS);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return deepFreeze(checkQuery(model, start, query, { ...settings, ...(options.path && { path: options.path }) }));
}

/**
 * Stability in the Graph Model for Conflict Resolution over the positions reachable from here: as
 * `parley stability --json`. `concepts` narrows the concepts; `coalitions` adds coalition Nash and
 * SEQ for each list of parties (or `'all'`; absent: the scenario's own `coalitions`, if it declares any). Throws `OptionError` for an event limit in `within`.
 */
export function stability(
  scenario: Scenario,
  options: QuestionOptions & {
    readonly concepts?: readonly Concept[];
    readonly coalitions?: readonly (readonly string[])[] | 'all';
    /** A position to judge as well: every party's stance and every fact's value, ids as plain strings. */
    readonly at?: {
      readonly stances: Readonly<Record<string, string>>;
      readonly facts: Readonly<Record<string, FactValue>>;
    };
    readonly allStates?: boolean;
  } = {},
): StabilityResult {
  validateOptions('stability', options, STABILITY_OPTIONS);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return deepFreeze(
    analyseStability(model, start, {
      ...settings,
      ...(options.concepts && { concepts: options.concepts }),
      ...(options.coalitions && { coalitions: options.coalitions as readonly (readonly PartyId[])[] | 'all' }),
      ...(options.at && { at: options.at as StabilityOptions['at'] & object }),
      ...(options.allStates && { allStates: true }),
    }),
  );
}

/** How each outcome's probability depends on the uncertain likelihoods: as `parley sensitivity --json`. */
export function sensitivity(
  scenario: Scenario,
  options: QuestionOptions & {
    readonly outcomes?: readonly string[];
    /** The scenario's likelihood window moved from and to, in days (default 3 to 14); every own window by the same factor. */
    readonly windowRange?: readonly [number, number];
    /** The horizon moved from and to, in days (default 14 to 60). */
    readonly horizonRange?: readonly [number, number];
  } = {},
): SensitivityResult {
  validateOptions('sensitivity', options, SENSITIVITY_OPTIONS);
  for (const outcome of options.outcomes ?? []) assertOutcome(scenario, outcome);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return deepFreeze(
    analyseSensitivity(model, start, {
      ...settings,
      ...(options.outcomes && { outcomes: options.outcomes as OutcomeId[] }),
      ...(options.windowRange && { windowRange: options.windowRange }),
      ...(options.horizonRange && { horizonRange: options.horizonRange }),
    }),
  );
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
  validateOptions('graph', options, GRAPH_OPTIONS);
  assertCheckedScenario(scenario, 'graph');
  const format = options.format ?? 'mermaid';
  if (!options.joint) return renderStatecharts(scenario.model, format);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return renderJointGraph(exploreFrom(model, start, settings), format, options.maxNodes ?? 120);
}

/**
 * Removes each modelling element in turn and measures, exactly, how each outcome moves; lists the
 * elements that move nothing as inert: as `parley ablate --json`. Throws `UnknownOutcomeError` for
 * an outcome the scenario lacks.
 */
export function ablate(
  scenario: Scenario,
  options: QuestionOptions & { readonly outcomes?: readonly string[] } = {},
): AblationResult {
  validateOptions('ablate', options, ABLATE_OPTIONS);
  for (const outcome of options.outcomes ?? []) assertOutcome(scenario, outcome);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  return deepFreeze(
    analyseAblation(model, start, {
      ...settings,
      ...(options.outcomes && { outcomes: options.outcomes as OutcomeId[] }),
    }),
  );
}
