import { compileModel, type CompiledModel } from '../compile/compiled-model.js';
import type { Horizon } from '../engine/horizon.js';
import type { JointState } from '../engine/joint-state.js';
import { outcomeHolds, exploreStateGraph, type SearchLimits, type StateGraph } from '../explore/state-graph.js';
import { getPathTo } from '../explore/witness.js';
import type { Move } from '../engine/move.js';
import type { Model } from '../model/model.js';

/** The explored graph of a model from a state, and where an outcome is first reached in it. */
export interface OutcomeSearch {
  readonly compiled: CompiledModel;
  readonly graph: StateGraph;
  /** The first state (breadth first) where the outcome holds, or -1. */
  readonly first: number;
  /** A shortest path to it, or null. */
  readonly path: readonly Move[] | null;
}

/** Explores the model from `start` and finds a shortest path to outcome `o`. Pure. */
export function searchOutcome(
  model: Model,
  start: JointState,
  horizon: Horizon,
  o: number,
  limits: SearchLimits,
): OutcomeSearch {
  const compiled = compileModel(model, start.day, horizon);
  const graph = exploreStateGraph(compiled, compiled.encode(start), limits);
  let first = -1;
  for (let i = 0; i < graph.keys.length; i++) {
    if (outcomeHolds(graph, i, o)) {
      first = i;
      break;
    }
  }
  return { compiled, graph, first, path: first >= 0 ? getPathTo(graph, first) : null };
}
