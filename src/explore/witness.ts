import type { Move } from '../engine/move.js';
import type { StateGraph } from './state-graph.js';

/** Returns the moves of the breadth-first path from the start to state `i`: a shortest path. Pure. */
export function getPathTo(graph: StateGraph, i: number): Move[] {
  const moves: Move[] = [];
  for (let s = i; s > 0; s = graph.parents[s] as number)
    moves.push(graph.compiled.moveAt(graph.parentMoves[s] as number));
  return moves.reverse();
}
