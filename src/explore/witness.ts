import type { JointState } from '../engine/joint-state.js';
import type { Move } from '../engine/move.js';
import { getJointStateKey, toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import type { Model } from '../model/model.js';
import { describePath, type PathStep } from '../run/path-steps.js';
import type { StateGraph } from './state-graph.js';

/** A path to a state, with its source, and the state it ends in. */
export interface Witness {
  /** The moves from the start, in order: event ids, and `+1 day` for each day that passes (`[]` when the path ends where it starts). */
  readonly moves: readonly Move[];
  /** The same moves, one entry each, with the day and the source of each. */
  readonly steps: readonly PathStep[];
  /** The joint state the path ends in. */
  readonly final: JointStateJson;
  /** The canonical key of the final state (its JSON with keys sorted): equal states have equal keys. */
  readonly key: string;
  /**
   * The exact probability that the negotiation takes exactly these moves, in this order, in the
   * calendar chain (given by the explorer's tools after an exhaustive search).
   */
  readonly probability?: number;
}

/** Returns the moves of the breadth-first path from the start to state `i`: a shortest path. Pure. */
export function getPathTo(graph: StateGraph, i: number): Move[] {
  const moves: Move[] = [];
  for (let s = i; s > 0; s = graph.parents[s] as number)
    moves.push(graph.compiled.moveAt(graph.parentMoves[s] as number));
  return moves.reverse();
}

/** Returns a path from a joint state as a witness: each step with its source (replayed with `step`), and where it ends. Pure. */
export function describeWitness(model: Model, from: JointState, moves: readonly Move[]): Witness {
  const { steps, final } = describePath(model, from, moves);
  return { moves, steps, final: toJointStateJson(model, final), key: getJointStateKey(model, final) };
}
