import type { HorizonOptions } from '../engine/horizon.js';
import type { Move } from '../engine/move.js';
import { exploreFrom, type Exploration } from '../explore/exploration.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';

/** The explored joint states of a model from a start, and where an outcome is first reached among them. */
export interface OutcomeSearch {
  readonly exploration: Exploration;
  /** The first state (breadth first) where the outcome counts as reached, or -1. */
  readonly first: number;
  /** A shortest path to it, or null. */
  readonly path: readonly Move[] | null;
}

/** Explores the model from the start and finds a shortest path to outcome number `o`. Pure. */
export function searchOutcome(
  model: Model,
  start: Start,
  options: HorizonOptions & SearchLimits,
  o: number,
): OutcomeSearch {
  const exploration = exploreFrom(model, start, options);
  const first = exploration.firstReaching(o);
  return { exploration, first, path: first >= 0 ? exploration.pathTo(first) : null };
}
