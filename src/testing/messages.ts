import type { ExploreResult, OutcomeReach } from '../explore/explore-scenario.js';
import { PLAIN } from '../report/colors.js';
import { formatCount, formatProbability, renderPath } from '../report/render-path.js';
import type { PathStep } from '../run/path-steps.js';

/** `from the end of the timeline (day 0), within 30 days`: where and how far a search looked. */
export function describeSearch(result: ExploreResult): string {
  const events = result.horizon.maxEvents === null ? '' : ` and at most ${result.horizon.maxEvents} event${result.horizon.maxEvents === 1 ? '' : 's'}`;
  return `from ${result.start.description} (day ${result.start.state.day}), within ${result.horizon.days} days${events}`;
}

/** `an exhaustive search of 5,095 joint states` or `a search cut at 100 joint states`. */
export function describeExtent(result: ExploreResult): string {
  return result.search.exhaustive
    ? `an exhaustive search of ${formatCount(result.search.states)} joint states`
    : `a search cut at ${formatCount(result.search.states)} joint states (maxStates ${formatCount(result.search.maxStates)})`;
}

/** A path, one step a line, each event with its day, paragraphs and quote. */
export function describePathSteps(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '    (it holds at the start)';
  return renderPath(steps, '    ', PLAIN).join('\n');
}

/** The probability of an outcome, exact or as bounds. */
export function describeProbability(outcome: OutcomeReach): string {
  if (outcome.probability !== null) return `probability ${formatProbability(outcome.probability)}`;
  return `probability between ${formatProbability(outcome.probabilityBounds[0])} and ${formatProbability(outcome.probabilityBounds[1])}`;
}
