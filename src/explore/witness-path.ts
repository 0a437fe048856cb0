import type { DayEnds } from './day-ends.js';
import type { Exploration } from './exploration.js';
import type { Witness } from './witness.js';
import { findPath } from './find-path.js';
import { findLikeliestPath, getPathProbability } from './likeliest-path.js';
import type { StateGraph } from './state-graph.js';

/**
 * Which path a tool shows as evidence: `shortest` (fewest moves, breadth first: the default, and
 * what proofs and traces use) or `likeliest` (most probable in the calendar chain).
 */
export type PathKind = 'shortest' | 'likeliest';

/** A path found as evidence: its moves (move numbers) and its exact probability, when the search was exhaustive. */
export interface WitnessPath {
  readonly moves: number[];
  readonly probability: number | null;
}

/**
 * Finds the path of that kind from the start to a state that `accept`s, through states that
 * `pass`, with the exact probability that the negotiation takes exactly those moves (only after an
 * exhaustive search: a path's chance depends on every move possible along it). Pure.
 */
export function findWitnessPath(
  graph: StateGraph,
  dayEnds: DayEnds | null,
  accept: (state: number) => boolean,
  pass: (state: number) => boolean,
  kind: PathKind,
): WitnessPath | null {
  const exact = graph.exhaustive && dayEnds !== null;
  if (kind === 'likeliest' && dayEnds) {
    const found = findLikeliestPath(graph, dayEnds, accept, pass);
    return found && { moves: [...found.moves], probability: exact ? found.probability : null };
  }
  const found = findPath(graph, accept, pass);
  if (!found) return null;
  return {
    moves: found.moves,
    probability: exact
      ? getPathProbability(graph, dayEnds, { moves: found.moves, states: getPathStates(graph, found.moves) })
      : null,
  };
}

/** The moves of the breadth-first path to a state as the search found it (its parents): a shortest path. Pure. */
export function getShortestPath(graph: StateGraph, state: number): number[] {
  const moves: number[] = [];
  for (let s = state; s > 0; s = graph.parents[s] as number) moves.push(graph.parentMoves[s] as number);
  return moves.reverse();
}

/** The states a path of moves from the start goes through, the start first: each move's edge, in turn. Pure. */
export function getPathStates(graph: StateGraph, moves: readonly number[]): number[] {
  const states = [0];
  let s = 0;
  for (const move of moves) {
    let next = -1;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number) && next < 0; e++)
      if (graph.edgeMoves[e] === move) next = graph.edgeTargets[e] as number;
    if (next < 0) throw new Error(`parley: move ${move} is not a move of state ${s}`);
    states.push(next);
    s = next;
  }
  return states;
}

/**
 * The evidence a tool shows for a target: the path of that kind (`shortest`: the moves of a
 * shortest path, when the caller has one), as a witness with its sources and, after an exhaustive
 * search, its exact probability. Pure.
 */
export function findEvidence(
  exploration: Pick<Exploration, 'graph' | 'describeMoves'>,
  dayEnds: DayEnds | null,
  accept: (state: number) => boolean,
  pass: (state: number) => boolean,
  kind: PathKind,
  shortest?: readonly number[],
): Witness | null {
  const { graph } = exploration;
  const exact = graph.exhaustive && dayEnds !== null;
  const found =
    kind === 'shortest' && shortest
      ? {
          moves: [...shortest],
          probability: exact
            ? getPathProbability(graph, dayEnds, { moves: shortest, states: getPathStates(graph, shortest) })
            : null,
        }
      : findWitnessPath(graph, dayEnds, accept, pass, kind);
  if (!found) return null;
  const witness = exploration.describeMoves(found.moves);
  return found.probability === null ? witness : { ...witness, probability: found.probability };
}
