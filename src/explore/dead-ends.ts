import type { ComponentOrder } from './components.js';
import type { StateGraph } from './state-graph.js';

/**
 * Returns, per state, whether it is a dead end: no event can happen there, nor on any later day
 * before time is up; only days pass. Pure; one pass, successors first. Unexpanded states are never
 * dead ends (nothing is known of them); states where time is up (no moves at all) are marked 2:
 * they end every path, but are not dead ends themselves.
 */
export function findDeadEnds(graph: StateGraph, components: ComponentOrder): Uint8Array {
  const { edgeStart, edgeTargets, edgeMoves, expanded } = graph;
  const dayMove = graph.compiled.dayMove;
  const dead = new Uint8Array(graph.keys.length);
  for (const s of components.order) {
    if (s >= expanded) continue;
    if (edgeStart[s] === edgeStart[s + 1]) {
      dead[s] = 2;
      continue;
    }
    let ok = 1;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
      if (edgeMoves[e] !== dayMove || !dead[edgeTargets[e] as number]) ok = 0;
    }
    dead[s] = ok;
  }
  return dead;
}
