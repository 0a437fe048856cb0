import type { StateGraph } from './state-graph.js';

/**
 * Returns a shortest path (as move indexes) in two phases, or null: from the start, through states
 * that `pass` (the start included), to a state where `trigger` holds; from there (that state
 * included), through states that `passAfter`, to a state that `acceptAfter`s. It finds the
 * counter-example of a response property (`A leads to B`: a path to an A state, then a path on
 * which B never holds). Pure; breadth first over the explored graph taken twice, O(states +
 * transitions).
 */
export function findPathAfter(
  graph: StateGraph,
  pass: (state: number) => boolean,
  trigger: (state: number) => boolean,
  passAfter: (state: number) => boolean,
  acceptAfter: (state: number) => boolean,
): { state: number; moves: number[] } | null {
  const n = graph.keys.length;
  // Node 2s is state s before the trigger, 2s + 1 after it.
  const parent = new Int32Array(2 * n).fill(-2);
  const parentMove = new Int32Array(2 * n).fill(-1);
  const queue = new Int32Array(2 * n);
  let head = 0;
  let tail = 0;
  parent[0] = -1;
  queue[tail++] = 0;
  while (head < tail) {
    const node = queue[head++] as number;
    const s = node >> 1;
    const after = (node & 1) === 1;
    if (!after && trigger(s) && parent[node + 1] === -2) {
      // The same state, now after the trigger: no move between them.
      parent[node + 1] = node;
      queue[tail++] = node + 1;
    }
    if (after && acceptAfter(s)) {
      const moves: number[] = [];
      for (let at = node; parent[at] !== -1; at = parent[at] as number)
        if (parentMove[at] !== -1) moves.push(parentMove[at] as number);
      return { state: s, moves: moves.reverse() };
    }
    if (!(after ? passAfter(s) : pass(s))) continue;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const t = 2 * (graph.edgeTargets[e] as number) + (after ? 1 : 0);
      if (parent[t] !== -2) continue;
      parent[t] = node;
      parentMove[t] = graph.edgeMoves[e] as number;
      queue[tail++] = t;
    }
  }
  return null;
}
