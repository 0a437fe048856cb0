import { exploreScenario, type ExploreResult } from '../explore/explore-scenario.js';
import type { PathKind } from '../explore/witness-path.js';
import type { Scenario } from './scenario.js';
import { getQuestionSettings, type QuestionOptions } from './start.js';
import { validateOptions } from '../options/validate-options.js';
import { EXPLORE_OPTIONS } from '../options/api-option-rules.js';
import { deepFreeze } from './deep-freeze.js';

/** What `explore` takes: a question's options (a progress callback among them), and which paths to give. */
export interface ExploreOptions extends QuestionOptions {
  /** `likeliest`: also give each outcome's most probable path, with its exact probability (default: shortest paths only). */
  readonly path?: PathKind;
}

const memo = new WeakMap<Scenario, Map<string, ExploreResult>>();

/**
 * Answers "from here, what can still happen?" for the scenario: the same result `parley explore
 * --json` prints. Pure; results are memoised per scenario and options, so many assertions on one
 * scenario explore it once, and deeply frozen, so that no caller can change another's answer.
 * Throws `OptionError` for options it does not take.
 */
export function explore(scenario: Scenario, options: ExploreOptions = {}): ExploreResult {
  validateOptions('explore', options, EXPLORE_OPTIONS);
  const { model, start, settings } = getQuestionSettings(scenario, options);
  const key = JSON.stringify([
    options.from ?? null,
    options.without ?? null,
    options.within ?? null,
    settings.maxStates,
    options.path ?? null,
  ]);
  let results = memo.get(scenario);
  if (!results) memo.set(scenario, (results = new Map()));
  const known = results.get(key);
  if (known) return known;
  const result = deepFreeze(
    exploreScenario(model, start, {
      ...settings,
      ...(options.path && { path: options.path }),
    }),
  );
  // A result cut short by the caller depends on when it was asked: never reuse it.
  if (!result.search.stopped) results.set(key, result);
  return result;
}
