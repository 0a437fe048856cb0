/**
 * A conflict in the form the Graph Model for Conflict Resolution analyses (Kilgour, Hipel & Fang
 * 1987): a finite set of states, the decision makers, each one's moves between states and its
 * preferences over them. parley builds one from a scenario (its positions: stances and facts, not
 * days) or from an option form; the solution concepts read nothing else.
 */
export interface ConflictGraph {
  /** States are numbered 0 .. size - 1. */
  readonly size: number;
  /** Decision makers are numbered 0 .. deciders - 1. */
  readonly deciders: number;
  /** `moves[dm][s]`: the states `dm` can reach from `s` in one move (never `s` itself), each once. */
  readonly moves: readonly (readonly (readonly GraphMove[])[])[];
  /** `rank[dm][s]`: lower is preferred; equal ranks are equally preferred. */
  readonly rank: readonly (readonly number[])[];
  /**
   * Where moves by several decision makers made at once from `s` lead (for simultaneous
   * sanctioning), or undefined when they cannot be made together.
   */
  readonly combine: (s: number, moves: readonly DeciderMove[]) => number | undefined;
}

/** One move: the state it leads to, and the index of the event that makes it (for narratives). */
export interface GraphMove {
  readonly target: number;
  readonly event: number;
}

/** A move made by a decision maker, from the state before it. */
export interface DeciderMove extends GraphMove {
  readonly decider: number;
  readonly from: number;
}

/** True when `dm` strictly prefers state `a` to state `b`. */
export function prefers(graph: ConflictGraph, dm: number, a: number, b: number): boolean {
  return (graph.rank[dm]?.[a] as number) < (graph.rank[dm]?.[b] as number);
}

/** `dm`'s unilateral improvements from `s`: its moves to states it prefers to `s`. Pure. */
export function getUnilateralImprovements(graph: ConflictGraph, dm: number, s: number): readonly GraphMove[] {
  return (graph.moves[dm]?.[s] ?? []).filter((m) => prefers(graph, dm, m.target, s));
}
