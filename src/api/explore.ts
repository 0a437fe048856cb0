import { exploreScenario, type ExploreResult } from '../explore/explore-scenario.js';
import { resolveStart, type Start } from '../run/start-point.js';
import type { Scenario } from './scenario.js';
import { toHorizonOptions, toStartPoint, type From, type Within } from './start.js';

export interface ExploreOptions {
  /** Where to start: a timeline event's id (right after it), `{ day }`, or the end of the timeline (default). */
  readonly from?: From;
  /** How far to look: days (default 30), or `{ days, events }`. */
  readonly within?: Within;
  /** Stop after this many joint states (default 2,000,000). */
  readonly maxStates?: number;
  /** Called now and then with the states known and expanded (a progress display). */
  readonly onProgress?: (known: number, expanded: number) => void;
  /** Asked now and then; once it returns true the search ends with a partial result (`search.stopped`). */
  readonly shouldStop?: () => boolean;
}

/** The number of states explored when a caller does not say. */
export const DEFAULT_API_MAX_STATES = 2_000_000;

/** Thrown when `from` names no point of the timeline. */
export class StartError extends Error {
  override name = 'StartError';
}

/** Returns the resolved start of a question, or throws `StartError`. Pure. */
export function getStart(scenario: Scenario, from: From): Start {
  const start = resolveStart(scenario.model, toStartPoint(from));
  if ('error' in start) throw new StartError(start.error);
  return start;
}

const memo = new WeakMap<Scenario, Map<string, ExploreResult>>();

/**
 * Answers "from here, what can still happen?" for the scenario: the same result `parley explore
 * --json` prints. Pure; results are memoised per scenario and options, so many assertions on one
 * scenario explore it once.
 */
export function explore(scenario: Scenario, options: ExploreOptions = {}): ExploreResult {
  const key = JSON.stringify([options.from ?? null, options.within ?? null, options.maxStates ?? null]);
  let results = memo.get(scenario);
  if (!results) memo.set(scenario, (results = new Map()));
  const known = results.get(key);
  if (known) return known;
  const result = exploreScenario(scenario.model, getStart(scenario, options.from), {
    ...toHorizonOptions(options.within),
    maxStates: options.maxStates ?? DEFAULT_API_MAX_STATES,
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
  });
  // A result cut short by the caller depends on when it was asked: never reuse it.
  if (!result.search.stopped) results.set(key, result);
  return result;
}
