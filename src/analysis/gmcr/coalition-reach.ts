import { prefers, type ConflictGraph, type DeciderMove } from './conflict-graph.js';

/**
 * The states a group of decision makers reaches from `from` by legal sequences of moves: each move
 * by a member, no member moving twice in a row (Fang, Hipel & Kilgour 1993, the reachable list
 * R_H). With `improving`, each move must be a unilateral improvement for the member who makes it,
 * from the state where it is made (R_H^+). Returns, per state reached, one shortest such sequence,
 * in breadth-first order (members by index, then moves in order). `from` itself is included only
 * when a sequence leads back to it. Pure; breadth first over (state, last mover).
 */
export function getCoalitionReach(
  graph: ConflictGraph,
  members: readonly number[],
  from: number,
  improving: boolean,
): Map<number, readonly DeciderMove[]> {
  const lasts = graph.deciders + 1;
  const seen = new Set<number>([from * lasts + graph.deciders]);
  const reached = new Map<number, readonly DeciderMove[]>();
  let frontier: { state: number; last: number; path: readonly DeciderMove[] }[] = [
    { state: from, last: graph.deciders, path: [] },
  ];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { state, last, path } of frontier)
      for (const dm of members) {
        if (dm === last) continue;
        for (const move of graph.moves[dm]?.[state] ?? []) {
          if (improving && !prefers(graph, dm, move.target, state)) continue;
          const node = move.target * lasts + dm;
          if (seen.has(node)) continue;
          seen.add(node);
          const longer = [...path, { ...move, decider: dm, from: state }];
          if (!reached.has(move.target)) reached.set(move.target, longer);
          next.push({ state: move.target, last: dm, path: longer });
        }
      }
    frontier = next;
  }
  return reached;
}
