import type { StateGraph } from './state-graph.js';
import { getStatesByDay, type StatesByDay } from './states-by-day.js';

/**
 * Returns, per state, whether it is a dead end: no event can happen there, nor on any later day
 * before time is up; only days pass. Unexpanded states are never dead ends (nothing is known of
 * them); states where time is up (no moves at all) are marked 2: they end every path, but are not
 * dead ends themselves. Pure; one pass over the states, the last day's first: a dead end's only
 * moves are the day's passing, into the next day, so each state is judged after its successors.
 */
export function findDeadEnds(graph: StateGraph, grouped: StatesByDay = getStatesByDay(graph)): Uint8Array {
  const { edgeStart, edgeTargets, edgeMoves, expanded } = graph;
  const dayMove = graph.compiled.dayMove;
  const { byDay } = grouped;
  const dead = new Uint8Array(graph.keys.length);
  for (let place = byDay.length - 1; place >= 0; place--) {
    const s = byDay[place] as number;
    if (s >= expanded) continue;
    if (edgeStart[s] === edgeStart[s + 1]) {
      dead[s] = 2;
      continue;
    }
    let ok = 1;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number) && ok; e++) {
      if (edgeMoves[e] !== dayMove || !dead[edgeTargets[e] as number]) ok = 0;
    }
    dead[s] = ok;
  }
  return dead;
}
