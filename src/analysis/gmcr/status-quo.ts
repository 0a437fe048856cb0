import { getUnilateralImprovements, type ConflictGraph, type DeciderMove } from './conflict-graph.js';

/**
 * Status quo analysis (Li, Hipel, Kilgour & Fang 2004): the states that satisfy `isTarget`
 * (equilibria of a concept) reachable from `from` by a sequence of unilateral improvements, each by
 * any decision maker from the state it is made in, each with a shortest such sequence; in
 * breadth-first order (`from` first when it is one, with an empty path). Pure.
 */
export function findStatusQuoPaths(
  graph: ConflictGraph,
  from: number,
  isTarget: (state: number) => boolean,
): { readonly position: number; readonly path: readonly DeciderMove[] }[] {
  const paths = new Map<number, readonly DeciderMove[]>([[from, []]]);
  const found: { position: number; path: readonly DeciderMove[] }[] = [];
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const s of frontier) {
      const path = paths.get(s) as readonly DeciderMove[];
      if (isTarget(s)) found.push({ position: s, path });
      for (let dm = 0; dm < graph.deciders; dm++)
        for (const move of getUnilateralImprovements(graph, dm, s)) {
          if (paths.has(move.target)) continue;
          paths.set(move.target, [...path, { ...move, decider: dm, from: s }]);
          next.push(move.target);
        }
    }
    frontier = next;
  }
  return found;
}
