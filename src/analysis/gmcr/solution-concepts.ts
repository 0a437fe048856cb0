import { getCoalitionReach } from './coalition-reach.js';
import { getUnilateralImprovements, type ConflictGraph, type DeciderMove, type GraphMove } from './conflict-graph.js';

/**
 * The solution concepts of the graph model (Fang, Hipel & Kilgour 1993, ch. 4): Nash stability,
 * general metarationality, symmetric metarationality, sequential stability and simultaneous
 * sanctioning.
 */
export const CONCEPTS = ['nash', 'gmr', 'smr', 'seq', 'sim'] as const;
/** A solution concept's short name, as `--concept` takes it: `nash`, `gmr`, `smr`, `seq` or `sim`. */
export type Concept = (typeof CONCEPTS)[number];

/** One of a decision maker's unilateral improvements, and how the others can answer it. */
export interface ImprovementAnswer {
  readonly move: GraphMove;
  /**
   * A sanction the concept accepts: the others' moves (in order; for `sim`, made at once with the
   * improvement) after which the mover is no better off than where it started; null when there is
   * none, so the improvement stands.
   */
  readonly sanction: readonly DeciderMove[] | null;
  /** Where the sanction leaves the mover: the last move's target, or for `sim` the combined state. */
  readonly endsAt?: number;
}

export interface ConceptVerdict {
  readonly stable: boolean;
  readonly improvements: readonly ImprovementAnswer[];
}

/**
 * Memoises the others' reachable lists: the same ones are read for every state that leads to a
 * state. One per graph; not shared between graphs.
 */
export class ReachCache {
  private readonly lists = new Map<string, Map<number, readonly DeciderMove[]>>();
  constructor(private readonly graph: ConflictGraph) {}

  /** R_{N-i}(s), or with `improving` R^+_{N-i}(s): the states the others reach from `s`. */
  others(dm: number, s: number, improving: boolean): Map<number, readonly DeciderMove[]> {
    const key = `${dm}:${s}:${improving ? 1 : 0}`;
    let list = this.lists.get(key);
    if (!list) {
      const members = [...Array(this.graph.deciders).keys()].filter((k) => k !== dm);
      list = getCoalitionReach(this.graph, members, s, improving);
      this.lists.set(key, list);
    }
    return list;
  }
}

/**
 * Whether state `s` is stable for decision maker `dm` under `concept`, with each of its unilateral
 * improvements and the sanction found for it (the first in breadth-first order: a shortest one).
 * A state `t` sanctions when `dm` does not prefer it to `s`. Definitions, for each improvement s1:
 * - nash: there is none;
 * - gmr: some state the others reach from s1 (R_{N-i}) sanctions;
 * - smr: some such state sanctions, and so does every state `dm` can move to from there;
 * - seq: some state the others reach from s1 by their own improvements (R^+_{N-i}) sanctions;
 * - sim: some moves of the others, at most one each, made at once with the improvement from `s`,
 *   lead to a state that sanctions.
 * Pure.
 */
export function judgeState(
  graph: ConflictGraph,
  dm: number,
  s: number,
  concept: Concept,
  cache: ReachCache,
): ConceptVerdict {
  const rank = graph.rank[dm] as readonly number[];
  const here = rank[s] as number;
  const sanctions = (t: number) => (rank[t] as number) >= here;
  const improvements = getUnilateralImprovements(graph, dm, s).map((move): ImprovementAnswer => {
    if (concept === 'nash') return { move, sanction: null };
    if (concept === 'sim') {
      const found = findSimultaneousSanction(graph, dm, s, move, sanctions);
      return found ? { move, sanction: found.moves, endsAt: found.endsAt } : { move, sanction: null };
    }
    for (const [t, path] of cache.others(dm, move.target, concept === 'seq')) {
      if (!sanctions(t)) continue;
      if (concept === 'smr' && !(graph.moves[dm]?.[t] ?? []).every((m) => sanctions(m.target))) continue;
      return { move, sanction: path, endsAt: t };
    }
    return { move, sanction: null };
  });
  return { stable: improvements.every((i) => i.sanction !== null), improvements };
}

/** The others' moves from `s`, at most one each and at least one, that made with `move` lead to a sanctioning state. */
function findSimultaneousSanction(
  graph: ConflictGraph,
  dm: number,
  s: number,
  move: GraphMove,
  sanctions: (t: number) => boolean,
): { readonly moves: readonly DeciderMove[]; readonly endsAt: number } | null {
  const others = [...Array(graph.deciders).keys()].filter((k) => k !== dm);
  const own: DeciderMove = { ...move, decider: dm, from: s };
  // Every choice of one move or none per other decision maker, fewest moves first.
  let best: { moves: readonly DeciderMove[]; endsAt: number } | null = null;
  const choose = (k: number, chosen: DeciderMove[]) => {
    if (k === others.length) {
      if (chosen.length === 0 || (best && best.moves.length <= chosen.length)) return;
      const t = graph.combine(s, [own, ...chosen]);
      if (t !== undefined && sanctions(t)) best = { moves: [...chosen], endsAt: t };
      return;
    }
    const other = others[k] as number;
    choose(k + 1, chosen);
    for (const m of graph.moves[other]?.[s] ?? []) choose(k + 1, [...chosen, { ...m, decider: other, from: s }]);
  };
  choose(0, []);
  return best;
}
