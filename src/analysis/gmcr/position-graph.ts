import { getStancesAndFactsCode } from '../../compile/state-encoding.js';
import type { JointState } from '../../engine/joint-state.js';
import { toJointStateJson, type JointStateJson } from '../../engine/serialise.js';
import type { Exploration } from '../../explore/exploration.js';
import type { EventId, PartyId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';
import type { ConflictGraph, DeciderMove, GraphMove } from './conflict-graph.js';
import { getPreferenceRank, hasPreferences } from './preference-rank.js';

/** A scenario's states seen as the graph model sees them: positions, not days. */
export interface PositionGraph extends ConflictGraph {
  /** Each position's stances and facts (with the day it was first reached, or the start's). */
  readonly positions: readonly JointStateJson[];
  /** A joint state of each position, where its ranks and outcomes are read. */
  readonly joints: readonly JointState[];
  /** The decision makers: the parties with `prefers` or `prioritises`, in the scenario's order. */
  readonly parties: readonly PartyId[];
  /** The events, by the index a `GraphMove` carries. */
  readonly events: readonly EventId[];
  /** How many explored joint states the positions stand for. */
  readonly jointStates: number;
}

/** A position's key and components: every party's stance, then every fact's value, in the scenario's order. */
export function getPositionParts(model: Model, json: JointStateJson): readonly unknown[] {
  return [...model.parties.map((p) => json.stances[p.id]), ...model.facts.map((f) => json.facts[f.id])];
}

/**
 * Folds an exploration into the graph model's states: a position is a combination of stances and
 * facts, whatever the day or the events so far, so each is judged once. A decision maker's moves
 * from a position are the events `by` it that lead from any explored joint state of that position
 * to another position: a move possible on some day of the horizon counts. States where time is up
 * are left out: nothing can happen there. Pure.
 */
export function buildPositionGraph(model: Model, exploration: Exploration): PositionGraph {
  const { graph, compiled } = exploration;
  const deciders = model.parties.filter(hasPreferences);
  const deciderOf = new Map(deciders.map((p, i) => [p.id, i]));
  const owners = compiled.events.map((table) => {
    const by = model.events.find((e) => e.id === table.id)?.by;
    return by === undefined ? -1 : (deciderOf.get(by) ?? -1);
  });
  const positionOf = new Int32Array(graph.keys.length).fill(-1);
  // A position is told by the stance and fact digits of a key; its joint state is decoded once.
  const index = new Map<number, number>();
  const joints: JointState[] = [];
  for (let s = 0; s < graph.keys.length; s++) {
    if (!exploration.canReachAt(s)) continue;
    const code = getStancesAndFactsCode(compiled.encoding, graph.keys[s] as number);
    let position = index.get(code);
    if (position === undefined) {
      position = joints.length;
      index.set(code, position);
      joints.push(exploration.jointAt(s).joint);
    }
    positionOf[s] = position;
  }
  const moves: GraphMove[][][] = deciders.map(() => joints.map(() => []));
  for (let s = 0; s < graph.expanded; s++) {
    const from = positionOf[s] as number;
    if (from < 0) continue;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const event = graph.edgeMoves[e] as number;
      const dm = owners[event] ?? -1;
      const to = positionOf[graph.edgeTargets[e] as number] as number;
      if (dm >= 0 && to >= 0) addMove(moves, dm, from, { target: to, event });
    }
  }
  return assemblePositionGraph(
    model,
    joints,
    moves,
    compiled.events.map((e) => e.id),
    graph.keys.length,
  );
}

/** Adds a move unless it stays put or the same target is already listed. */
export function addMove(moves: GraphMove[][][], dm: number, from: number, move: GraphMove): void {
  if (move.target === from) return;
  const list = (moves[dm] as GraphMove[][])[from] as GraphMove[];
  if (!list.some((m) => m.target === move.target)) list.push(move);
}

/**
 * The graph model of positions and their moves: ranks read at each position's joint state; moves
 * made at once (for simultaneous sanctioning) combine when they change different stances and facts
 * (or the same to the same value) and the result is one of the positions. Pure.
 */
export function assemblePositionGraph(
  model: Model,
  joints: readonly JointState[],
  moves: GraphMove[][][],
  events: readonly EventId[],
  jointStates: number,
): PositionGraph {
  const deciders = model.parties.filter(hasPreferences);
  const positions = joints.map((j) => toJointStateJson(model, j));
  const components = positions.map((p) => getPositionParts(model, p));
  const index = new Map(components.map((parts, i) => [JSON.stringify(parts), i]));
  for (const byDecider of moves)
    for (const list of byDecider) list.sort((a, b) => a.event - b.event || a.target - b.target);
  const rank = deciders.map((party) => {
    const rankOf = getPreferenceRank(model, party);
    return joints.map(rankOf);
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
    size: joints.length,
    deciders: deciders.length,
    moves,
    rank,
    combine,
    positions,
    joints,
    parties: deciders.map((p) => p.id),
    events,
    jointStates,
  };
}
