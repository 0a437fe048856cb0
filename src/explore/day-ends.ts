import { CompiledSpace } from '../compile/compiled-space.js';
import { getDayEndMove } from '../engine/next-moves.js';
import type { StateGraph } from './state-graph.js';

/** Where each explored state's day ends, worked out once for every state of a graph. */
export interface DayEnds {
  /**
   * The state the next day starts in after the day ends from state i (the urgent events that hold
   * the day, then the day passing); the time-up state after the last day. -1 for a state never
   * expanded (the search stopped before it), -2 where the urgent events keep each other possible
   * and the day never ends.
   */
  readonly nextDayStart: Int32Array;
  /** The state in which the day passes (i itself, unless urgent events happen first); for -1 and -2, where the chain stops. */
  readonly lastState: Int32Array;
  /** The states the urgent events lead through from i at its day's end, its last state included (i excluded), as `cascadeStart` rows of `cascadeStates`. */
  readonly cascadeStart: Int32Array;
  readonly cascadeStates: Int32Array;
  /** The move each expanded state's day's end takes first (an urgent event, or the day passing); -1 where none. */
  readonly endMove: Int32Array;
}

/** Marks a state whose day-end is being followed, to find cycles. */
const VISITING = -3;

/**
 * Works out, for every expanded state, what happens when its day ends (`getDayEndMove`, taken
 * again and again): the states the urgent events lead through, and the state the next day starts
 * in. Each state's chain is followed once and shared by the states that lead into it. Pure; one
 * load per expanded state and one pass over the edges.
 */
export function getDayEnds(graph: StateGraph): DayEnds {
  const { compiled, keys, expanded, edgeStart, edgeTargets, edgeMoves } = graph;
  const n = keys.length;
  const space = new CompiledSpace(compiled);
  // The move and target of each state's day's end, one step.
  const step = new Int32Array(n).fill(-1);
  const endMove = new Int32Array(n).fill(-1);
  const passes = new Uint8Array(n);
  for (let i = 0; i < expanded; i++) {
    space.load(keys[i] as number);
    const move = getDayEndMove(space);
    if (move < 0) continue;
    for (let e = edgeStart[i] as number; e < (edgeStart[i + 1] as number); e++) {
      if (edgeMoves[e] !== move) continue;
      step[i] = edgeTargets[e] as number;
      endMove[i] = move;
      passes[i] = move === compiled.dayMove ? 1 : 0;
      break;
    }
  }
  const nextDayStart = new Int32Array(n).fill(-1);
  const lastState = Int32Array.from({ length: n }, (_, i) => i);
  const resolved = new Uint8Array(n);
  const chain: number[] = [];
  // Where the chain from s stops: the next day's start and the state the day passes in.
  const stopAt = (s: number): { end: number; last: number } | null => {
    if (resolved[s]) return { end: nextDayStart[s] as number, last: lastState[s] as number };
    if (nextDayStart[s] === VISITING) return { end: -2, last: s };
    if (s >= expanded || (step[s] as number) < 0) return { end: -1, last: s };
    if (passes[s]) return { end: step[s] as number, last: s };
    return null;
  };
  for (let i = 0; i < n; i++) {
    if (resolved[i]) continue;
    // Follow the urgent events until the day passes, a state already known, or a cycle.
    chain.length = 0;
    let s = i;
    let stop = stopAt(s);
    while (stop === null) {
      chain.push(s);
      nextDayStart[s] = VISITING;
      s = step[s] as number;
      stop = stopAt(s);
    }
    if (!resolved[s] && stop.end !== -2) chain.push(s);
    for (const c of chain) {
      nextDayStart[c] = stop.end;
      lastState[c] = stop.last;
      resolved[c] = 1;
    }
  }
  // Each state's cascade: the chain of urgent events from it to its last state.
  const cascadeStart = new Int32Array(n + 1);
  const states: number[] = [];
  for (let i = 0; i < n; i++) {
    cascadeStart[i] = states.length;
    if (i >= expanded || passes[i] || (step[i] as number) < 0) continue;
    const seen = new Set<number>([i]);
    for (let s = step[i] as number; s >= 0 && !seen.has(s); s = s < expanded && !passes[s] ? (step[s] as number) : -1) {
      states.push(s);
      seen.add(s);
    }
  }
  cascadeStart[n] = states.length;
  return { nextDayStart, lastState, cascadeStart, cascadeStates: Int32Array.from(states), endMove };
}
