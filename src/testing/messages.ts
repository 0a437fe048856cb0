import type { HorizonReport } from '../engine/horizon.js';
import type { ExploreResult, OutcomeReach } from '../explore/explore-scenario.js';
import { PLAIN } from '../report/colors.js';
import { formatCount, renderPath } from '../report/render-path.js';
import { formatProbabilityApart, getEstimativeWord } from '../report/format-probability.js';
import type { PathStep } from '../run/path-steps.js';
import { describeEvidence } from '../report/describe-evidence.js';
import { plural } from '../report/plural.js';

/** `from the end of the timeline (day 0), within 30 days`: where and how far a search looked. Pure. */
export function describeSearch(result: ExploreResult): string {
  return describeStartAndHorizon({ description: result.start.description, joint: result.start.state }, result.horizon);
}

/** The same, from a start and a horizon as results report it, for the matchers that do not go through `explore`. Pure. */
export function describeStartAndHorizon(
  start: { readonly description: string; readonly joint: { readonly day: number } },
  horizon: HorizonReport,
): string {
  const { maxEvents } = horizon;
  const events = maxEvents == null ? '' : ` and at most ${plural(maxEvents, 'event')}`;
  return `from ${start.description} (day ${start.joint.day}), within ${plural(horizon.days, 'day')}${events}`;
}

/** `an exhaustive search of 5,095 joint states` or `a search cut at 100 joint states`, from the counts alone. Pure. */
export function describeGraphExtent(exhaustive: boolean, states: number): string {
  return exhaustive
    ? `an exhaustive search of ${plural(states, 'joint state')}`
    : `a search cut at ${plural(states, 'joint state')}`;
}

/** `an exhaustive search of 5,095 joint states` or `a search cut at 100 joint states`. */
export function describeExtent(result: ExploreResult): string {
  const extent = describeGraphExtent(result.search.exhaustive, result.search.states);
  return result.search.exhaustive ? extent : `${extent} (maxStates ${formatCount(result.search.maxStates)})`;
}

/** A path, one step a line, each event with its day, paragraphs and quote. */
export function describePathSteps(steps: readonly PathStep[]): string {
  if (steps.length === 0) return '    (it holds at the start)';
  return renderPath(steps, '    ', PLAIN).join('\n');
}

/**
 * The probability of an outcome, exact or as bounds, with 2 significant digits and its ICD 203
 * word, and more digits where it would otherwise print like one of `against` (a matcher's bounds).
 */
export function describeProbability(outcome: OutcomeReach, against: readonly number[] = []): string {
  if (outcome.probability !== null) return `probability ${describeValue(outcome.probability, against)}`;
  const [lo, hi] = outcome.probabilityBounds;
  return `probability between ${formatProbabilityApart(lo, against)} and ${formatProbabilityApart(hi, against)}`;
}

/** `0.066 (very unlikely)`: a probability for a message, apart from `against`. Pure. */
export function describeValue(p: number, against: readonly number[] = []): string {
  const word = getEstimativeWord(p);
  return `${formatProbabilityApart(p, against)}${word ? ` (${word})` : ''}`;
}

/** The path a message shows for an outcome: the likeliest when it was asked for, else a shortest; with its steps. */
export function describeOutcomePath(outcome: OutcomeReach): string {
  const likeliest = outcome.likeliest ?? null;
  const shown = likeliest ?? outcome.witness;
  if (!shown) return 'no path';
  return `${describeEvidence(likeliest ? 'likeliest' : 'shortest', shown)}:\n${describePathSteps(shown.steps)}`;
}
