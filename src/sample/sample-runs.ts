import seedrandom from 'seedrandom';
import { commitEvent, getEventDelta, prepareEvent, type EventTable } from '../compile/compiled-event.js';
import type { CompiledModel } from '../compile/compiled-model.js';
import { getConditionDigits } from '../compile/digit-condition.js';
import { decodeDigits } from '../compile/state-encoding.js';
import { createTally, type OutcomeTally, type SampleTally } from './tally.js';

/** A run that has not ended after this many moves is cut (a cycle of events that keeps time from passing). */
export const MAX_MOVES_PER_RUN = 10_000;
/** The number of runs between two questions to `shouldStop` (a power of two). */
const STOP_CHECK_EVERY = 64;

/**
 * Returns the generator of run `index` for a seed: each run has its own stream, derived from the
 * seed and its index alone, so any run replays by itself and results do not depend on how runs are
 * split between workers. Alea, from seedrandom.
 */
export function createRunRng(seed: string, index: number): () => number {
  return seedrandom.alea(`${seed}/${index}`);
}

/**
 * Samples runs `from` to `to` (exclusive) from `startKey`: each run draws moves with probability
 * proportional to their weights, the same moves and weights as the explorer, until time is up,
 * nothing can happen, or every outcome has been reached. Pure given the seed (apart from
 * `onProgress`). Once `shouldStop` (asked every 64 runs) returns true, it returns the tally of the
 * runs done so far: runs `from` to `from + tally.runs`.
 *
 * A step draws among the events whose `requires` holds (and the day, unless an urgent event can
 * happen), by weight; a drawn event that would change nothing is set aside and the draw repeated
 * among the rest. That is exactly a draw among the moves of `getMoves` (rejection sampling), while
 * working out only the drawn event's effect, on the state's digits in place.
 */
export function sampleRuns(
  compiled: CompiledModel,
  startKey: number,
  seed: string,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
  shouldStop?: () => boolean,
): SampleTally {
  const { events, outcomes, encoding } = compiled;
  const tally = createTally(outcomes.length);
  const reached = new Uint8Array(outcomes.length);
  const path: number[] = [];
  const start = new Int32Array(encoding.size);
  decodeDigits(encoding, startKey, start);
  const digits = new Int32Array(encoding.size);
  const scratch = new Int32Array(Math.max(1, ...events.map((e) => e.partyDigits.length + e.factDigits.length)));
  const setAside = new Uint8Array(events.length);
  const urgentEvents = events.flatMap((e, i) => (e.urgent !== null ? [i] : []));
  const weights = Float64Array.from({ length: events.length + 1 }, (_, i) => compiled.weightOf(i));
  const dayMove = compiled.dayMove;
  const dayDigit = encoding.dayDigit;
  // Once the last day of the horizon has passed, time is up.
  const timeUpDigit = compiled.horizon.endDay - encoding.startDay + 1;
  const countDigit = encoding.countDigit;
  const maxEvents = compiled.horizon.maxEvents ?? Infinity;

  const { enabledBy, recheckAfter, outcomesAfter } = getDependencies(compiled);
  const enabled = new Uint8Array(events.length);
  const everyOutcome = outcomes.map((_, o) => o);
  const record = (which: readonly number[]): number => {
    let newly = 0;
    for (const o of which) {
      if (reached[o] || !(outcomes[o] as (d: Int32Array) => boolean)(digits)) continue;
      reached[o] = 1;
      newly++;
      const t = tally.outcomes[o] as OutcomeTally;
      t.hits++;
      t.firstDays.push(encoding.startDay + (digits[dayDigit] as number));
      const key = path.join(',');
      t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
    }
    return newly;
  };

  for (let run = from; run < to; run++) {
    const rng = createRunRng(seed, run);
    digits.set(start);
    reached.fill(0);
    path.length = 0;
    let remaining = outcomes.length - ((digits[dayDigit] as number) >= timeUpDigit ? 0 : record(everyOutcome));
    for (let e = 0; e < events.length; e++) enabled[e] = enabledBy(e, digits);
    let moves = 0;
    while (remaining > 0 && (digits[dayDigit] as number) < timeUpDigit) {
      if (moves === MAX_MOVES_PER_RUN) {
        tally.cut++;
        break;
      }
      // The candidates: events whose requires holds, in order, then the day unless an urgent event can happen.
      const eventsAllowed = countDigit < 0 || (digits[countDigit] as number) < maxEvents;
      let total = 0;
      let left = 0;
      let urgent = false;
      if (eventsAllowed) {
        for (let e = 0; e < events.length; e++) {
          if (!enabled[e]) continue;
          total += weights[e] as number;
          left++;
        }
        for (const e of urgentEvents) {
          if (
            enabled[e] &&
            (events[e] as EventTable).urgent?.(digits) &&
            getEventDelta(events[e] as EventTable, digits) !== 0
          ) {
            urgent = true;
            break;
          }
        }
      }
      const dayCandidate = !urgent;
      if (dayCandidate) {
        total += weights[dayMove] as number;
        left++;
      }
      let move = -1;
      let anySetAside = false;
      while (left > 0) {
        let r = rng() * total;
        // The first candidate whose running sum passes r, or the last candidate.
        let drawn = -1;
        let last = -1;
        if (eventsAllowed) {
          for (let e = 0; e < events.length; e++) {
            if (!enabled[e] || setAside[e]) continue;
            last = e;
            r -= weights[e] as number;
            if (r < 0) {
              drawn = e;
              break;
            }
          }
        }
        if (drawn < 0) drawn = dayCandidate ? dayMove : last;
        if (drawn === dayMove || prepareEvent(events[drawn] as EventTable, digits, scratch)) {
          move = drawn;
          break;
        }
        // A drawn event that would change nothing is not a move: set it aside and draw again.
        total -= weights[drawn] as number;
        setAside[drawn] = 1;
        anySetAside = true;
        left--;
      }
      if (anySetAside) setAside.fill(0);
      if (move < 0) break;
      moves++;
      if (move === dayMove) digits[dayDigit] = (digits[dayDigit] as number) + 1;
      else {
        commitEvent(events[move] as EventTable, digits, scratch);
        if (countDigit >= 0) digits[countDigit] = (digits[countDigit] as number) + 1;
        path.push(move);
      }
      // Only what reads a digit the move wrote can have changed.
      for (const e of recheckAfter[move] as readonly number[]) enabled[e] = enabledBy(e, digits);
      if ((digits[dayDigit] as number) < timeUpDigit) remaining -= record(outcomesAfter[move] as readonly number[]);
    }
    tally.runs++;
    tally.steps += moves;
    if (onProgress && (run - from + 1) % 1000 === 0) onProgress(run - from + 1);
    if (shouldStop && ((run - from + 1) & (STOP_CHECK_EVERY - 1)) === 0 && shouldStop()) break;
  }
  return tally;
}

/**
 * For each move (event index, then the day), which events' `requires` and which outcomes read a
 * digit the move writes: the only ones whose truth it can change.
 */
function getDependencies(compiled: CompiledModel) {
  const { model, encoding, events } = compiled;
  const eventOf = (table: EventTable) => model.events.find((e) => e.id === table.id);
  const requiresDigits = events.map((table) => {
    const requires = eventOf(table)?.requires;
    return requires ? getConditionDigits(model, encoding, requires) : new Set<number>();
  });
  const outcomeDigits = model.outcomes.map((o) => getConditionDigits(model, encoding, o.when));
  const written = [
    ...events.map(
      (table) =>
        new Set([
          ...table.partyDigits,
          ...table.factDigits,
          ...(encoding.countDigit >= 0 ? [encoding.countDigit] : []),
        ]),
    ),
    new Set([encoding.dayDigit]),
  ];
  const reads = (digits: ReadonlySet<number>, writes: ReadonlySet<number>) => [...digits].some((d) => writes.has(d));
  return {
    enabledBy: (e: number, digits: Int32Array) => {
      const requires = (events[e] as EventTable).requires;
      return requires === null || requires(digits) ? 1 : 0;
    },
    recheckAfter: written.map((writes) => requiresDigits.flatMap((digits, e) => (reads(digits, writes) ? [e] : []))),
    outcomesAfter: written.map((writes) => outcomeDigits.flatMap((digits, o) => (reads(digits, writes) ? [o] : []))),
  };
}
