import { getTimeUpDay } from '../engine/next-moves.js';
import type { StateGraph } from './state-graph.js';

/**
 * The states of a graph grouped by the day of the horizon they are on: day d's states are
 * `byDay[dayStart[d] .. dayStart[d+1])`, in state order, and state i is `localOf[i]`-th among its
 * day's. Day 0 is the start day; the states where time is up form the last group, day `days`.
 */
export interface StatesByDay {
  /** The days of the horizon, the start day included (time-up states come after them). */
  readonly days: number;
  readonly dayOf: Int32Array;
  readonly dayStart: Int32Array;
  readonly byDay: Int32Array;
  readonly localOf: Int32Array;
}

/** Groups the graph's states by day (a counting sort on the day digit of their keys). Pure; O(states). */
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
  for (let i = 0; i < n; i++) {
    const d = dayOf[i] as number;
    localOf[i] = (fill[d] as number) - (dayStart[d] as number);
    byDay[(fill[d] as number)++] = i;
  }
  return { days, dayOf, dayStart, byDay, localOf };
}
