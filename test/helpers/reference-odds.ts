import { getDayEnds } from '../../src/explore/day-ends.js';
import { getPoissonWeights } from '../../src/explore/poisson-weights.js';
import { getEpsilonPerDay } from '../../src/explore/day-race.js';
import { outcomeHolds, type StateGraph } from '../../src/explore/state-graph.js';
import { getTimeUpDay } from '../../src/engine/next-moves.js';

/**
 * The calendar odds of `getTimeBoundedOdds` in their plainest form, to hold the fast solver to:
 * one vector per outcome over all the graph's states (no grouping by day), each outcome's states
 * kept absorbing (their mass stays), uniformised per day by a scatter over every state's outgoing
 * edges with the day's largest total rate, then each state's day's end followed. Returns the
 * probability of reaching each outcome by the end of each day, and of its holding at the end.
 */
export function getReferenceOdds(graph: StateGraph, rates: Float64Array = graph.compiled.rates) {
  const { compiled, keys, expanded, edgeStart, edgeTargets, edgeMoves } = graph;
  const { encoding, horizon, dayMove } = compiled;
  const n = keys.length;
  const K = compiled.outcomes.length;
  const days = Math.max(0, getTimeUpDay(horizon) - encoding.startDay);
  const dayMultiplier = encoding.multipliers[encoding.dayDigit] as number;
  const dayRadix = encoding.radices[encoding.dayDigit] as number;
  const dayOf = (i: number) => Math.min(Math.floor((keys[i] as number) / dayMultiplier) % dayRadix, days);
  const holds = (i: number, k: number) => outcomeHolds(graph, i, k);
  const ends = getDayEnds(graph);
  const reachedByDay = Array.from({ length: K }, () => new Array<number>(days).fill(0));
  const holdsAtEnd = new Array<number>(K).fill(0);
  // Column K: the mass where nothing absorbs.
  let mass = Array.from({ length: K + 1 }, () => new Float64Array(n));
  for (const column of mass) column[0] = 1;
  const reached = new Array<number>(K).fill(0);
  for (let d = 0; d < days; d++) {
    const today = Array.from({ length: n }, (_, i) => i).filter((i) => dayOf(i) === d);
    for (let k = 0; k < K; k++)
      for (const i of today) {
        if (!holds(i, k)) continue;
        reached[k] = (reached[k] as number) + (mass[k]![i] as number);
        mass[k]![i] = 0;
      }
    let q = 0;
    const exit = new Float64Array(n);
    for (const i of today) {
      if (i >= expanded) continue;
      for (let e = edgeStart[i] as number; e < (edgeStart[i + 1] as number); e++)
        if (edgeMoves[e] !== dayMove) exit[i] = (exit[i] as number) + (rates[edgeMoves[e] as number] as number);
      q = Math.max(q, exit[i] as number);
    }
    const end = mass.map(() => new Float64Array(n));
    const { left, weights } = q > 0 ? getPoissonWeights(q, getEpsilonPerDay(days)) : { left: 0, weights: [1] };
    for (let c = 0; c <= K; c++) {
      let current = Float64Array.from(mass[c]!);
      for (let step = 0; step < left + weights.length; step++) {
        const w = step >= left ? (weights[step - left] as number) : 0;
        for (const i of today) end[c]![i] = (end[c]![i] as number) + w * (current[i] as number);
        const next = new Float64Array(n);
        for (const i of today) {
          const x = current[i] as number;
          const absorbing = c < K && holds(i, c);
          if (absorbing || i >= expanded || q === 0) {
            next[i] = (next[i] as number) + x;
            continue;
          }
          next[i] = (next[i] as number) + x * (1 - (exit[i] as number) / q);
          for (let e = edgeStart[i] as number; e < (edgeStart[i + 1] as number); e++) {
            const move = edgeMoves[e] as number;
            if (move === dayMove) continue;
            const t = edgeTargets[e] as number;
            next[t] = (next[t] as number) + (x * (rates[move] as number)) / q;
          }
        }
        current = next;
      }
    }
    // The day ends: an outcome met in a state or in passing at the day's end counts.
    const following = mass.map(() => new Float64Array(n));
    for (const i of today) {
      if (i >= expanded) continue;
      const cascade = Array.from(ends.cascadeStates.subarray(ends.cascadeStart[i], ends.cascadeStart[i + 1]));
      for (let k = 0; k < K; k++) {
        const x = end[k]![i] as number;
        if (x !== 0 && [i, ...cascade].some((s) => holds(s, k))) {
          reached[k] = (reached[k] as number) + x;
          end[k]![i] = 0;
        }
      }
      const to = ends.nextDayStart[i] as number;
      if (to < 0) continue;
      if (d === days - 1) {
        for (let k = 0; k < K; k++)
          if (holds(ends.lastState[i] as number, k)) holdsAtEnd[k] = (holdsAtEnd[k] as number) + (end[K]![i] as number);
        continue;
      }
      for (let c = 0; c <= K; c++) following[c]![to] = (following[c]![to] as number) + (end[c]![i] as number);
    }
    for (let k = 0; k < K; k++) reachedByDay[k]![d] = reached[k] as number;
    mass = following;
  }
  return { reachedByDay, holdsAtEnd };
}
