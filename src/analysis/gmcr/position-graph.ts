import { toJointStateJson, type JointStateJson } from '../../engine/serialise.js';
import type { Exploration } from '../../explore/exploration.js';
import type { EventId, PartyId } from '../../model/ids.js';
import type { Model, Party } from '../../model/model.js';
import type { ConflictGraph, DeciderMove, GraphMove } from './conflict-graph.js';
import { getPreferenceRanker } from './preference-rank.js';

/** A scenario's explored joint states seen as the graph model sees them: positions, not days. */
export interface PositionGraph extends ConflictGraph {
  /** Each position's stances and facts, as first reached (with that day). */
  readonly positions: readonly JointStateJson[];
  /** The explored state where each position is first reached (breadth first). */
  readonly firstStates: readonly number[];
  /** The decision makers: the parties with `prefers`, in the scenario's order. */
  readonly parties: readonly PartyId[];
  /** The events, by the index a `GraphMove` carries. */
  readonly events: readonly EventId[];
  /** How many explored joint states the positions stand for. */
  readonly jointStates: number;
}

/**
 * Folds an exploration into the graph model's states: a position is a combination of stances and
 * facts, whatever the day or the events so far, so each is judged once. A decision maker's moves
 * from a position are the events `by` it that lead from any explored joint state of that position
 * to another position: a move possible on some day of the horizon counts. Ranks are read at the
 * position's first joint state. Moves made at once (for simultaneous sanctioning) combine when they
 * change different stances and facts (or the same to the same value) and the result is a position
 * found. States where time is up are left out: nothing can happen there. Pure.
 */
export function buildPositionGraph(model: Model, exploration: Exploration): PositionGraph {
  const { graph, compiled } = exploration;
  const parties: Party[] = model.parties.filter((p) => p.prefers);
  const deciderOf = new Map(parties.map((p, i) => [p.id, i]));
  const owners = compiled.events.map((table) => {
    const by = model.events.find((e) => e.id === table.id)?.by;
    return by === undefined ? -1 : (deciderOf.get(by) ?? -1);
  });

  const positionOf = new Int32Array(graph.keys.length).fill(-1);
  const index = new Map<string, number>();
  const positions: JointStateJson[] = [];
  const components: (readonly unknown[])[] = [];
  const firstStates: number[] = [];
  for (let s = 0; s < graph.keys.length; s++) {
    if (!exploration.canReachAt(s)) continue;
    const json = toJointStateJson(model, exploration.jointAt(s).joint);
    const parts = [...model.parties.map((p) => json.stances[p.id]), ...model.facts.map((f) => json.facts[f.id])];
    const key = JSON.stringify(parts);
    let position = index.get(key);
    if (position === undefined) {
      position = positions.length;
      index.set(key, position);
      positions.push(json);
      components.push(parts);
      firstStates.push(s);
    }
    positionOf[s] = position;
  }

  const moves: GraphMove[][][] = parties.map(() => positions.map(() => []));
  for (let s = 0; s < graph.expanded; s++) {
    const from = positionOf[s] as number;
    if (from < 0) continue;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const event = graph.edgeMoves[e] as number;
      const dm = owners[event] ?? -1;
      const to = positionOf[graph.edgeTargets[e] as number] as number;
      if (dm < 0 || to < 0 || to === from) continue;
      const list = (moves[dm] as GraphMove[][])[from] as GraphMove[];
      if (!list.some((m) => m.target === to)) list.push({ target: to, event });
    }
  }
  for (const byDecider of moves)
    for (const list of byDecider) list.sort((a, b) => a.event - b.event || a.target - b.target);

  const rank = parties.map((party) => {
    const ranker = getPreferenceRanker(model, party, exploration);
    return firstStates.map((s) => ranker(s));
  });

  const combine = (s: number, made: readonly DeciderMove[]) => {
    const base = components[s] as readonly unknown[];
    const result = [...base];
    const setBy = new Array<number>(base.length).fill(-1);
    for (const move of made) {
      const target = components[move.target] as readonly unknown[];
      for (let c = 0; c < base.length; c++) {
        if (target[c] === base[c]) continue;
        if (setBy[c] !== -1 && result[c] !== target[c]) return undefined;
        setBy[c] = move.decider;
        result[c] = target[c];
      }
    }
    return index.get(JSON.stringify(result));
  };

  return {
    size: positions.length,
    deciders: parties.length,
    moves,
    rank,
    combine,
    positions,
    firstStates,
    parties: parties.map((p) => p.id),
    events: compiled.events.map((e) => e.id),
    jointStates: graph.keys.length,
  };
}
