import type { ComponentOrder } from './components.js';
import { outcomeHolds, type StateGraph } from './state-graph.js';

/** Iterations within a cyclic component stop when no value moves by more than this. */
const TOLERANCE = 1e-15;
const MAX_SWEEPS = 1_000_000;

/**
 * Returns, for every state, the probability of reaching a state where outcome `o` holds within the
 * horizon, under the weighted choice of moves (see `getMoves`). Exact: computed component by
 * component, successors first; within a cycle, by Gauss–Seidel sweeps from 0, which converge to
 * the least solution, the reachability probability. States never expanded (a search cut short)
 * count as `frontierValue`: 0 for a lower bound, 1 for an upper bound. Pure; O(transitions)
 * outside cycles.
 */
export function getReachProbabilities(graph: StateGraph, components: ComponentOrder, o: number, frontierValue: 0 | 1): Float64Array {
  const { edgeStart, edgeTargets, edgeMoves, expanded } = graph;
  const compiled = graph.compiled;
  const weights = Float64Array.from({ length: compiled.events.length + 1 }, (_, i) => compiled.weightOf(i));
  const p = new Float64Array(graph.keys.length);
  const { order, componentStart } = components;

  const valueOf = (s: number): number => {
    const start = edgeStart[s] as number;
    const end = edgeStart[s + 1] as number;
    let total = 0;
    let sum = 0;
    for (let e = start; e < end; e++) {
      const w = weights[edgeMoves[e] as number] as number;
      total += w;
      sum += w * (p[edgeTargets[e] as number] as number);
    }
    return total > 0 ? sum / total : 0;
  };

  for (let c = 0; c + 1 < componentStart.length; c++) {
    const from = componentStart[c] as number;
    const to = componentStart[c + 1] as number;
    const fixed = (s: number) => outcomeHolds(graph, s, o) || s >= expanded;
    const fixedValue = (s: number) => (outcomeHolds(graph, s, o) ? 1 : frontierValue);
    if (to - from === 1) {
      const s = order[from] as number;
      p[s] = fixed(s) ? fixedValue(s) : valueOf(s);
      continue;
    }
    for (let i = from; i < to; i++) {
      const s = order[i] as number;
      p[s] = fixed(s) ? fixedValue(s) : 0;
    }
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      let change = 0;
      for (let i = from; i < to; i++) {
        const s = order[i] as number;
        if (fixed(s)) continue;
        const v = valueOf(s);
        change = Math.max(change, Math.abs(v - (p[s] as number)));
        p[s] = v;
      }
      if (change <= TOLERANCE) break;
    }
  }
  return p;
}
