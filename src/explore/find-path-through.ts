import { outcomeHolds, type StateGraph } from './state-graph.js';

/**
 * Returns a shortest path (as move indexes) from the start to a state where outcome `o` first holds,
 * taking the given events in order on the way (other moves may come between them), or null if the
 * explored graph has none. Pure; breadth-first over pairs (state, how many of the events were taken), so
 * O((states + transitions) x (events + 1)).
 */
export function findPathThrough(graph: StateGraph, o: number, events: readonly number[]): number[] | null {
  const n = graph.keys.length;
  const layers = events.length + 1;
  const parent = new Int32Array(n * layers).fill(-2);
  const parentMove = new Int32Array(n * layers);
  const queue = new Int32Array(n * layers);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  parent[0] = -1;
  while (head < tail) {
    const node = queue[head++] as number;
    const s = Math.floor(node / layers);
    const k = node % layers;
    if (outcomeHolds(graph, s, o)) {
      if (k === events.length) return pathTo(node, parent, parentMove);
      // Reached before the events were all taken: on this path it is not reached through them.
      continue;
    }
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const move = graph.edgeMoves[e] as number;
      const next = (graph.edgeTargets[e] as number) * layers + (k < events.length && move === events[k] ? k + 1 : k);
      if (parent[next] !== -2) continue;
      parent[next] = node;
      parentMove[next] = move;
      queue[tail++] = next;
    }
  }
  return null;
}

function pathTo(node: number, parent: Int32Array, parentMove: Int32Array): number[] {
  const moves: number[] = [];
  for (let at = node; parent[at] !== -1; at = parent[at] as number) moves.push(parentMove[at] as number);
  return moves.reverse();
}
