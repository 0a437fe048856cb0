import type { StateGraph } from './state-graph.js';
import { getStatesByDay, type StatesByDay } from './states-by-day.js';

/**
 * One day's races as incoming rows over its local states (see `StatesByDay`): local state j is
 * entered by the move `inMove[g]` from the local state `inSource[g]`, for g in
 * `inStart[j] .. inStart[j+1]`. Every move but the day's passing is listed, whatever its rate.
 */
export interface DayTransitions {
  readonly count: number;
  readonly inStart: Int32Array;
  readonly inSource: Int32Array;
  readonly inMove: Uint16Array;
}

/** The states of a graph by day, and each day's transitions (built when first asked for). */
export interface DayTransitionSource {
  readonly grouped: StatesByDay;
  /** The transitions of day `day` of the horizon (0 the start day). */
  of(day: number): DayTransitions;
}

/**
 * Returns the graph's transitions day by day, for the transient analysis. They do not depend on the
 * rates: with `keep`, each day's are built once and kept for later solves on the same graph (an
 * analysis that solves many times, at about 10 bytes a transition); without, built anew each time
 * asked (one solve needs each day once, and only one day's at a time). Pure.
 */
export function getDayTransitions(graph: StateGraph, keep = false): DayTransitionSource {
  const grouped = getStatesByDay(graph);
  const kept = new Map<number, DayTransitions>();
  return {
    grouped,
    of(day) {
      const known = kept.get(day);
      if (known) return known;
      const built = buildDayTransitions(graph, grouped, day);
      if (keep) kept.set(day, built);
      return built;
    },
  };
}

/** Builds one day's incoming rows: a count of each state's entries, then a fill. Pure; two passes over the day's edges. */
function buildDayTransitions(graph: StateGraph, grouped: StatesByDay, day: number): DayTransitions {
  const { expanded, edgeStart, edgeTargets, edgeMoves } = graph;
  const { dayMove } = graph.compiled;
  const { byDay, dayStart, localOf } = grouped;
  const first = dayStart[day] as number;
  const count = (dayStart[day + 1] as number) - first;
  // Each edge's local target is looked up in both passes rather than kept between them: the
  // extra reads cost less than an array of every edge's target at the solve's peak of memory.
  const inStart = new Int32Array(count + 1);
  for (let li = 0; li < count; li++) {
    const i = byDay[first + li] as number;
    if (i >= expanded) continue;
    for (let g = edgeStart[i] as number, end = edgeStart[i + 1] as number; g < end; g++)
      if (edgeMoves[g] !== dayMove) (inStart[(localOf[edgeTargets[g] as number] as number) + 1] as number)++;
  }
  for (let li = 0; li < count; li++) inStart[li + 1] = (inStart[li + 1] as number) + (inStart[li] as number);
  const edges = inStart[count] as number;
  const inSource = new Int32Array(edges);
  const inMove = new Uint16Array(edges);
  const fill = inStart.slice(0, count);
  for (let li = 0; li < count; li++) {
    const i = byDay[first + li] as number;
    if (i >= expanded) continue;
    for (let g = edgeStart[i] as number, end = edgeStart[i + 1] as number; g < end; g++) {
      if (edgeMoves[g] === dayMove) continue;
      const at = (fill[localOf[edgeTargets[g] as number] as number] as number)++;
      inSource[at] = li;
      inMove[at] = edgeMoves[g] as number;
    }
  }
  return { count, inStart, inSource, inMove };
}
