import type { DayEnds } from './day-ends.js';
import type { StateGraph } from './state-graph.js';
import type { StatesByDay } from './states-by-day.js';

/**
 * How a solve's columns sit in each state's mass: `width` a state, the first `targets` of them
 * each with a target whose states stop its mass; a column past them (`width > targets`) is the
 * whole mass, which stops nowhere, for what holds when the horizon ends and what is lost.
 */
export interface ColumnLayout {
  readonly width: number;
  readonly targets: number;
  /** Whether column k's mass stops at the state (it reaches or avoids column k's target). */
  readonly stops: (state: number, k: number) => boolean;
  /** Whether it stops there because it reached the target (the rest of `stops` loses its mass). */
  readonly reaches: (state: number, k: number) => boolean;
}

/** One day's race as a solve runs it: the mass left when the day ends, and what stopped during it. */
export interface DayRaceOutcome {
  /** By local place and column: the mass still moving when the day ended. */
  readonly mass: Float64Array;
  /** Per target column: the mass that reached its target during the day. */
  readonly reached: ArrayLike<number>;
  /** Per column: a bound on the probability its Poisson sums left out that day. */
  readonly truncated: ArrayLike<number>;
}

/** Races day `day` from `start` (by local place and column, none in a state where its column stops). */
export type RaceOfTheDay = (day: number, start: Float64Array) => DayRaceOutcome;

/** What `solveDayByDay` returns, per column as `TimeBoundedOdds` gives it per outcome. */
export interface DayByDayOdds {
  /** `reachedByDay[k * days + d]` for each target column k. */
  readonly reachedByDay: Float64Array;
  /** Per target column: the mass that ends the horizon in a state it reaches (0 without a whole column). */
  readonly holdsAtEnd: Float64Array;
  /** Per day: the whole mass lost so far to unexplored states (0 without a whole column). */
  readonly unexploredByDay: Float64Array;
  /** The whole mass whose day never ends (0 without a whole column). */
  readonly dayNeverEnds: number;
  /** Per column: the sum of the days' truncation bounds. */
  readonly truncated: Float64Array;
}

/**
 * The calendar chain's day loop, the one place it is written: each day, mass that starts in a
 * state where its column stops counts (where it reaches) and leaves, mass in an unexplored state
 * is lost; the day's events race (`race`); then the day ends: mass left follows its state's
 * urgent events, counted at the first state where its column stops, and starts the next day
 * where the day passes (`dayEnds`); after the last day, the whole mass tells what holds at the
 * end. Every sum is made in one fixed order, so two solves that race alike give equal numbers bit
 * for bit. Pure (apart from `dayDone`, told each day solved). Cost: beyond the races, a pass over
 * each day's states and their urgent chains per column.
 */
export function solveDayByDay(
  graph: StateGraph,
  grouped: StatesByDay,
  dayEnds: DayEnds,
  layout: ColumnLayout,
  race: RaceOfTheDay,
  dayDone?: (day: number) => void,
): DayByDayOdds {
  const { width: W, targets: K, stops, reaches } = layout;
  const whole = W > K ? K : -1;
  const { expanded } = graph;
  const { days, dayStart, byDay, localOf } = grouped;
  const reachedByDay = new Float64Array(K * days);
  const holdsAtEnd = new Float64Array(K);
  const unexploredByDay = new Float64Array(days);
  const truncated = new Float64Array(W);
  const result = { reachedByDay, holdsAtEnd, unexploredByDay, dayNeverEnds: 0, truncated };
  if (days === 0 || graph.keys.length === 0) return result;

  const { nextDayStart, lastState, cascadeStart, cascadeStates } = dayEnds;
  const reached = new Float64Array(K);
  let unexplored = 0;
  let start = new Float64Array(((dayStart[1] as number) - (dayStart[0] as number)) * W);
  const origin = (localOf[0] as number) * W;
  start.fill(1, origin, origin + W);

  for (let d = 0; d < days; d++) {
    const first = dayStart[d] as number;
    const count = (dayStart[d + 1] as number) - first;
    for (let li = 0; li < count; li++) {
      const i = byDay[first + li] as number;
      const at = li * W;
      if (i >= expanded) {
        if (whole >= 0) unexplored += start[at + whole] as number;
        start.fill(0, at, at + W);
        continue;
      }
      for (let k = 0; k < K; k++) {
        if (!stops(i, k)) continue;
        if (reaches(i, k)) reached[k] = (reached[k] as number) + (start[at + k] as number);
        start[at + k] = 0;
      }
    }
    const day = race(d, start);
    for (let v = 0; v < W; v++) truncated[v] = (truncated[v] as number) + (day.truncated[v] as number);
    for (let k = 0; k < K; k++) reached[k] = (reached[k] as number) + (day.reached[k] as number);
    const end = day.mass;

    const nextCount = (dayStart[d + 2] as number) - (dayStart[d + 1] as number);
    const next = new Float64Array(d + 1 < days ? nextCount * W : 0);
    const lastDay = d === days - 1;
    for (let li = 0; li < count; li++) {
      const i = byDay[first + li] as number;
      const at = li * W;
      if (i >= expanded) {
        if (whole >= 0) unexplored += end[at + whole] as number;
        continue;
      }
      for (let k = 0; k < K; k++) {
        let mass = end[at + k] as number;
        if (mass === 0) continue;
        // Mass left in a column is in a state where it does not stop (the race took out the rest).
        for (let c = cascadeStart[i] as number; c < (cascadeStart[i + 1] as number); c++) {
          const through = cascadeStates[c] as number;
          if (stops(through, k)) {
            if (reaches(through, k)) reached[k] = (reached[k] as number) + mass;
            mass = 0;
            break;
          }
        }
        end[at + k] = mass;
      }
      const to = nextDayStart[i] as number;
      const wholeMass = whole >= 0 ? (end[at + whole] as number) : 0;
      if (to === -1) {
        unexplored += wholeMass;
        continue;
      }
      if (to === -2) {
        // The day never ends: the mass reaches nothing more, and the horizon's end never comes.
        result.dayNeverEnds += wholeMass;
        continue;
      }
      if (lastDay) {
        const last = lastState[i] as number;
        if (whole >= 0)
          for (let k = 0; k < K; k++) if (reaches(last, k)) holdsAtEnd[k] = (holdsAtEnd[k] as number) + wholeMass;
        continue;
      }
      const into = (localOf[to] as number) * W;
      for (let v = 0; v < W; v++) next[into + v] = (next[into + v] as number) + (end[at + v] as number);
    }
    for (let k = 0; k < K; k++) reachedByDay[k * days + d] = reached[k] as number;
    unexploredByDay[d] = unexplored;
    start = next;
    dayDone?.(d);
  }
  return result;
}
