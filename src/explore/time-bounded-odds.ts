import { solveDayByDay, type ColumnLayout } from './day-by-day.js';
import { getDayEnds, type DayEnds } from './day-ends.js';
import { raceWithinTheDay } from './day-race.js';
import { getDayTransitions, type DayTransitionSource } from './day-transitions.js';
import type { OnProgress } from './progress.js';
import { outcomeHolds, type StateGraph } from './state-graph.js';

/** The time-bounded odds of some outcomes over an explored graph (see `getTimeBoundedOdds`). */
export interface TimeBoundedOdds {
  /** The days of the horizon, the start day included. */
  readonly days: number;
  /**
   * `reachedByDay[k * days + d]`: the probability of having reached `outcomes[k]` by the end of
   * the d-th day of the horizon (d = 0 is the start day); the last day's is the probability of
   * reaching it within the horizon. Unexplored states count as never reaching it.
   */
  readonly reachedByDay: Float64Array;
  /** `holdsAtEnd[k]`: the probability that `outcomes[k]` holds when the horizon ends (unexplored states: not). */
  readonly holdsAtEnd: Float64Array;
  /**
   * The probability of entering an unexplored state (a search cut short) by the end of each day:
   * added to a lower bound above, it gives the upper bound. All 0 after an exhaustive search.
   */
  readonly unexploredByDay: Float64Array;
  /**
   * The probability that a day never ends: urgent events keep each other possible for ever, so
   * the horizon never ends either (that mass reaches nothing more, and holds nothing at the end).
   */
  readonly dayNeverEnds: number;
  /**
   * A bound on the error of every probability above from truncating the Poisson sums of
   * uniformisation (floating-point rounding is orders of magnitude smaller).
   */
  readonly errorBound: number;
}

/**
 * Returns, for each outcome listed (by number), the probability of reaching it by the end of each
 * day of the horizon and of its holding when the horizon ends, by transient analysis of the
 * calendar chain over the explored graph: day by day, the events race as a continuous-time Markov
 * chain, solved by uniformisation (the chain made discrete at a rate q at least every state's
 * total rate, its steps weighted by Poisson(q) probabilities: Jensen 1953; as PRISM and Storm do
 * for time-bounded reachability on CTMCs, with the outcome's states made absorbing, Baier,
 * Haverkort, Hermanns and Katoen 2003); then, at the day's end, the urgent events that hold the
 * day happen and the day passes (`getDayEnds`). Outcomes are solved together: each step of
 * uniformisation is one pass over a day's transitions for all of them. `rates` (per move number)
 * replaces the model's: the graph does not depend on them. Pure (apart from `onProgress`, told
 * `solving` with the states solved of the graph's, a few times a day of the horizon). Cost: for
 * each day, about q + 6 sqrt(q) passes over that day's transitions, q the largest total rate of a
 * state that day. An analysis that solves again and again on one graph passes the same
 * `transitions`, kept (`getDayTransitions(graph, true)`), so that each day's are built once.
 */
export function getTimeBoundedOdds(
  graph: StateGraph,
  outcomes: readonly number[],
  rates: Float64Array = graph.compiled.rates,
  dayEnds: DayEnds = getDayEnds(graph),
  onProgress?: OnProgress,
  transitions: DayTransitionSource = getDayTransitions(graph),
): TimeBoundedOdds {
  const targets = outcomes.map((o): OddsTarget => ({ reach: (i) => outcomeHolds(graph, i, o) }));
  return solveOdds(graph, targets, rates, dayEnds, onProgress, transitions);
}

/** A target of `getConditionOdds`: the states to reach, and (for `A until B`) those whose entering loses the path. */
export interface OddsTarget {
  readonly reach: (state: number) => boolean;
  readonly avoid?: (state: number) => boolean;
}

/**
 * Returns, for each target, the probability of reaching one of its `reach` states by the end of
 * each day of the horizon without entering an `avoid` state first (`A until B`: reach B, avoid the
 * states where neither A nor B holds), by the same transient analysis as `getTimeBoundedOdds`, on
 * the model's rates. `holdsAtEnd` is the chance of ending the horizon in a `reach` state. Pure
 * (apart from `onProgress`, as `getTimeBoundedOdds`).
 */
export function getConditionOdds(
  graph: StateGraph,
  targets: readonly OddsTarget[],
  dayEnds: DayEnds = getDayEnds(graph),
  onProgress?: OnProgress,
): TimeBoundedOdds {
  return solveOdds(graph, targets, graph.compiled.rates, dayEnds, onProgress, getDayTransitions(graph));
}

/**
 * The transient analysis itself, one column per target: mass stops moving in a column at a state
 * it reaches or avoids, and counts as reached only where it reaches (a path that enters an avoided
 * state loses its mass, as `A until B` loses a path that leaves A before B).
 */
function solveOdds(
  graph: StateGraph,
  targets: readonly OddsTarget[],
  rates: Float64Array,
  dayEnds: DayEnds,
  onProgress: OnProgress | undefined,
  transitions: DayTransitionSource,
): TimeBoundedOdds {
  const n = graph.keys.length;
  // The states solved so far: those of the days before, and the share of today's passes made.
  const solving = (done: number) =>
    onProgress?.({ phase: 'solving', done: Math.floor(done), total: n, unit: 'states' });
  solving(0);
  const K = targets.length;
  // Each state's columns judged once, then read from flat masks in the loops below.
  const stopMask = new Uint8Array(n * K);
  const reachMask = new Uint8Array(n * K);
  targets.forEach(({ reach, avoid }, k) => {
    for (let i = 0; i < n; i++) {
      const reached = reach(i);
      reachMask[i * K + k] = reached ? 1 : 0;
      stopMask[i * K + k] = reached || (avoid?.(i) ?? false) ? 1 : 0;
    }
  });
  const absorption = { columns: K, stops: stopMask, reaches: reachMask };
  // One column per outcome (its states absorbing), and one where nothing absorbs, for "holds at the end".
  const V = K + 1;
  const layout: ColumnLayout = {
    width: V,
    targets: K,
    stops: (i, k) => stopMask[i * K + k] === 1,
    reaches: (i, k) => reachMask[i * K + k] === 1,
  };
  const { grouped } = transitions;
  const { days, dayStart } = grouped;
  const race = (d: number, start: Float64Array) => {
    const first = dayStart[d] as number;
    const count = (dayStart[d + 1] as number) - first;
    const day = raceWithinTheDay(graph, grouped, d, transitions.of(d), start, absorption, rates, (part) =>
      solving(first + count * part),
    );
    // One rate q for every column: one truncation bound for all.
    return { mass: day.mass, reached: day.reached, truncated: new Float64Array(V).fill(day.truncated) };
  };
  const solved = solveDayByDay(graph, grouped, dayEnds, layout, race, (d) => solving(dayStart[d + 1] as number));
  if (days > 0 && n > 0) solving(n);
  const { reachedByDay, holdsAtEnd, unexploredByDay, dayNeverEnds, truncated } = solved;
  return { days, reachedByDay, holdsAtEnd, unexploredByDay, dayNeverEnds, errorBound: truncated[0] as number };
}

/** Returns the k-th outcome's probabilities of having been reached by the end of each day. Pure. */
export function getOutcomeCurve(odds: TimeBoundedOdds, k: number): number[] {
  return Array.from(odds.reachedByDay.subarray(k * odds.days, (k + 1) * odds.days));
}
