import type { DayTransitions } from './day-transitions.js';
import { gatherPass } from './gather-pass.js';
import { getPoissonWeights } from './poisson-weights.js';
import type { StateGraph } from './state-graph.js';
import type { StatesByDay } from './states-by-day.js';

/** The most a solve's probabilities may be off by truncating its Poisson sums, over all its days. */
export const MAX_ERROR_BOUND = 1e-9;

/**
 * Returns the error allowed in each day's Poisson sums, which add up over the days into the solve's
 * error bound: 1e-11 a day, less past 100 days, so that no horizon's bound passes `MAX_ERROR_BOUND`
 * (a smaller epsilon costs only a few more passes a day: the sums' width grows as sqrt(log(1/ε))).
 * Pure.
 */
export function getEpsilonPerDay(days: number): number {
  return Math.min(1e-11, MAX_ERROR_BOUND / Math.max(days, 1));
}
/** The passes of uniformisation between two progress reports (a power of two). */
const PASSES_BETWEEN_REPORTS = 4;

/** Where each column's mass stops moving, per state and column (`state * columns + k`). */
export interface Absorption {
  /** The columns that can stop (the last column of the race, `columns`, never stops). */
  readonly columns: number;
  /** 1 where column k's mass stops at the state (it reaches or avoids column k's target). */
  readonly stops: Uint8Array;
  /** 1 where it stops because it reached the target (the rest of `stops` loses its mass). */
  readonly reaches: Uint8Array;
}

/** One day's race, solved: the mass of each state when the day ends, and what stopped during it. */
export interface DayRaceResult {
  /** By local place and column: the mass that was still moving when the day ended. */
  readonly mass: Float64Array;
  /** Per stopping column: the mass that reached its target during the day. */
  readonly reached: Float64Array;
  /** A bound on the probability left out by truncating the day's Poisson sums. */
  readonly truncated: number;
}

/**
 * Returns the mass of each state of day `day` when the day ends, from its mass when it starts
 * (`start`, by local place and column, `columns + 1` a state, none in a state where its column
 * stops), by uniformisation of the race of the day's events: the chain made discrete at a rate q
 * at least every state's total rate, its steps weighted by Poisson(q) probabilities. Mass that
 * enters a state where its column stops leaves the race there (counted in `reached` when it
 * reached the target), so that the passes need not tell columns apart; states never expanded keep
 * their mass. Each pass gathers every state's mass from its incoming transitions (`gatherPass`).
 * Pure (apart from `passed`, told the share of the day's passes made). Cost: about q + 6 sqrt(q)
 * passes over the day's transitions, each `columns + 1` multiply-adds a transition.
 */
export function raceWithinTheDay(
  graph: StateGraph,
  grouped: StatesByDay,
  day: number,
  transitions: DayTransitions,
  start: Float64Array,
  absorption: Absorption,
  rates: Float64Array,
  passed: (part: number) => void,
): DayRaceResult {
  const K = absorption.columns;
  const V = K + 1;
  const { count } = transitions;
  const first = grouped.dayStart[day] as number;
  const reached = new Float64Array(K);
  const exit = getExitRates(graph, grouped, first, count, rates);
  const q = exit.reduce((a, b) => Math.max(a, b), 0);
  if (q === 0) return { mass: start.slice(), reached, truncated: 0 };
  const share = rates.map((r) => r / q);
  const stay = exit.map((x) => 1 - x / q);
  const stop = getStopPlaces(grouped.byDay, first, count, absorption);

  const { left, weights, truncated } = getPoissonWeights(q, getEpsilonPerDay(grouped.days));
  const steps = left + weights.length;
  const mass = new Float64Array(count * V);
  // The mass that has reached each column's target so far, over the steps taken.
  const arrived = new Float64Array(K);
  let current = start.slice();
  let following = new Float64Array(count * V);
  for (let step = 0; ; step++) {
    if (step >= left) {
      const w = weights[step - left] as number;
      addWeighted(mass, w, current);
      for (let k = 0; k < K; k++) reached[k] = (reached[k] as number) + w * (arrived[k] as number);
    }
    if (step === steps - 1) break;
    gatherPass(transitions, share, stay, current, following, V);
    for (let j = 0; j < stop.at.length; j++) {
      const at = stop.at[j] as number;
      const k = stop.reaches[j] as number;
      if (k >= 0) arrived[k] = (arrived[k] as number) + (following[at] as number);
      following[at] = 0;
    }
    const swap = current;
    current = following;
    following = swap;
    if ((step & (PASSES_BETWEEN_REPORTS - 1)) === 0) passed(step / steps);
  }
  return { mass, reached, truncated };
}

/** Adds `w` times `x` to `into`, element by element (a loop of its own, which the compiler optimises alone). */
function addWeighted(into: Float64Array, w: number, x: Float64Array): void {
  for (let j = 0; j < into.length; j++) into[j] = (into[j] as number) + w * (x[j] as number);
}

/** Each local state of day `first .. first + count` of `grouped`: its total rate of the events that can happen there (the day's passing aside). Pure; one pass over the day's edges. */
export function getExitRates(
  graph: StateGraph,
  grouped: StatesByDay,
  first: number,
  count: number,
  rates: Float64Array,
): Float64Array {
  const { expanded, edgeStart, edgeMoves } = graph;
  const { dayMove } = graph.compiled;
  const exit = new Float64Array(count);
  for (let li = 0; li < count; li++) {
    const i = grouped.byDay[first + li] as number;
    if (i >= expanded) continue;
    let total = 0;
    for (let g = edgeStart[i] as number, end = edgeStart[i + 1] as number; g < end; g++) {
      const move = edgeMoves[g] as number;
      if (move !== dayMove) total += rates[move] as number;
    }
    exit[li] = total;
  }
  return exit;
}

/** The places (local place * columns + column) where a column's mass stops, and the column it reaches there (-1: it is lost). Pure. */
function getStopPlaces(byDay: Int32Array, first: number, count: number, absorption: Absorption) {
  const K = absorption.columns;
  const at: number[] = [];
  const reaches: number[] = [];
  for (let li = 0; li < count; li++) {
    const i = byDay[first + li] as number;
    for (let k = 0; k < K; k++) {
      if (absorption.stops[i * K + k] !== 1) continue;
      at.push(li * (K + 1) + k);
      reaches.push(absorption.reaches[i * K + k] === 1 ? k : -1);
    }
  }
  return { at, reaches };
}
