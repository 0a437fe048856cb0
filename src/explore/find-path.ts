import type { StateGraph } from './state-graph.js';

/**
 * Returns a shortest path (as move indexes) from the start to a state that `accept`s, passing only
 * through states that `pass` (the start included), or null. Pure; breadth first over the explored
 * graph, O(states + transitions).
 */
export function findPath(
  graph: StateGraph,
  accept: (state: number) => boolean,
  pass: (state: number) => boolean,
): { state: number; moves: number[] } | null {
  const n = graph.keys.length;
  const parent = new Int32Array(n).fill(-2);
  const parentMove = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  parent[0] = -1;
  queue[tail++] = 0;
  while (head < tail) {
    const s = queue[head++] as number;
    if (accept(s)) {
      const moves: number[] = [];
      for (let at = s; parent[at] !== -1; at = parent[at] as number) moves.push(parentMove[at] as number);
      return { state: s, moves: moves.reverse() };
    }
    if (!pass(s)) continue;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const t = graph.edgeTargets[e] as number;
      if (parent[t] !== -2) continue;
      parent[t] = s;
      parentMove[t] = graph.edgeMoves[e] as number;
      queue[tail++] = t;
    }
  }
  return null;
}
