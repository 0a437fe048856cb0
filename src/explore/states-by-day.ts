import { getTimeUpDay } from '../engine/next-moves.js';
import type { StateGraph } from './state-graph.js';

/**
 * The states of a graph grouped by the day of the horizon they are on: day d's states are
 * `byDay[dayStart[d] .. dayStart[d+1])`, in the order of their keys, and state i is `localOf[i]`-th
 * among its day's. Day 0 is the start day; the states where time is up form the last group, day
 * `days`. Key order puts the states a move joins near each other: a move writes a digit or two of
 * the key, so a day's consecutive states are entered from consecutive states by each move, and the
 * solve's passes read their sources in a few forward streams rather than at random.
 */
export interface StatesByDay {
  /** The days of the horizon, the start day included (time-up states come after them). */
  readonly days: number;
  readonly dayOf: Int32Array;
  readonly dayStart: Int32Array;
  readonly byDay: Int32Array;
  readonly localOf: Int32Array;
}

/** Groups the graph's states by day, each day's in key order (a radix sort on the keys, then a counting sort on their day digit). Pure; O(states). */
export function getStatesByDay(graph: StateGraph): StatesByDay {
  const { encoding, horizon } = graph.compiled;
  const { keys } = graph;
  const n = keys.length;
  const days = Math.max(0, getTimeUpDay(horizon) - encoding.startDay);
  const dayMultiplier = encoding.multipliers[encoding.dayDigit] as number;
  const dayRadix = encoding.radices[encoding.dayDigit] as number;
  const dayOf = new Int32Array(n);
  const dayStart = new Int32Array(days + 2);
  for (let i = 0; i < n; i++) {
    const d = Math.min(Math.floor((keys[i] as number) / dayMultiplier) % dayRadix, days);
    dayOf[i] = d;
    (dayStart[d + 1] as number)++;
  }
  for (let d = 0; d <= days; d++) dayStart[d + 1] = (dayStart[d + 1] as number) + (dayStart[d] as number);
  const byDay = new Int32Array(n);
  const localOf = new Int32Array(n);
  const fill = dayStart.slice(0, days + 1);
  for (const i of getKeyOrder(keys)) {
    const d = dayOf[i] as number;
    localOf[i] = (fill[d] as number) - (dayStart[d] as number);
    byDay[(fill[d] as number)++] = i;
  }
  return { days, dayOf, dayStart, byDay, localOf };
}

/** Bits of a key sorted on in each pass of `getKeyOrder`: keys are whole numbers below 2^53, so four passes. */
const RADIX_BITS = 14;
const RADIX = 1 << RADIX_BITS;
/** Where a key is split: `getKeyOrder` sorts on the low 28 bits, then on the rest (below 2^25). */
const HIGH_PART = 2 ** (2 * RADIX_BITS);

/** Returns the state numbers in ascending order of their keys (distinct whole numbers below 2^53). Pure; four counting passes over the states. */
function getKeyOrder(keys: Float64Array): Int32Array {
  const n = keys.length;
  const low = new Int32Array(n);
  const high = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const top = Math.floor(key / HIGH_PART);
    high[i] = top;
    low[i] = key - top * HIGH_PART;
  }
  let order = Int32Array.from({ length: n }, (_, i) => i);
  let into = new Int32Array(n);
  const counts = new Int32Array(RADIX);
  // Least significant digit first: each pass is stable, so the earlier passes' order breaks its ties.
  for (const [part, shift] of [
    [low, 0],
    [low, RADIX_BITS],
    [high, 0],
    [high, RADIX_BITS],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[((part[i] as number) >>> shift) & (RADIX - 1)] as number)++;
    for (let b = 0, at = 0; b < RADIX; b++) {
      const c = counts[b] as number;
      counts[b] = at;
      at += c;
    }
    for (let r = 0; r < n; r++) {
      const i = order[r] as number;
      into[(counts[((part[i] as number) >>> shift) & (RADIX - 1)] as number)++] = i;
    }
    const swap = order;
    order = into;
    into = swap;
  }
  return order;
}
