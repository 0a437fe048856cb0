import type { Horizon } from '../engine/horizon.js';
import { getEventDelta, type EventTable } from './compiled-event.js';
import type { StateEncoding } from './state-encoding.js';

/**
 * What expanding a state needs, as flat data. The one-party events without guards or
 * preconditions (`simple`) are flattened into typed arrays: their party's digit (-1 for any other
 * event) and, for each stance of that party, how the move changes the key (0: the party stays), so
 * that the hot loop reads three typed arrays, not objects.
 */
export interface MoveTables {
  readonly events: readonly EventTable[];
  readonly simpleDigit: Int32Array;
  readonly simpleDeltaStart: Int32Array;
  readonly simpleDeltas: Float64Array;
  readonly dayMove: number;
  readonly dayDigit: number;
  readonly dayMultiplier: number;
  readonly timeUpDigit: number;
  readonly timeUpKey: number;
  readonly countDigit: number;
  readonly countMultiplier: number;
  readonly maxEvents: number;
}

/** Builds the move tables of compiled events. Pure. */
export function createMoveTables(events: readonly EventTable[], encoding: StateEncoding, horizon: Horizon): MoveTables {
  const m = encoding.multipliers;
  const dayDigit = encoding.dayDigit;
  const dayMultiplier = m[dayDigit] as number;
  const timeUpDigit = horizon.endDay - encoding.startDay + 1;
  const simpleDeltaStart = new Int32Array(events.length);
  const simpleDeltas = new Float64Array(events.reduce((n, e) => n + (e.simple ? e.stride : 0), 0));
  events.reduce((at, e, i) => {
    if (!e.simple) return at;
    simpleDeltaStart[i] = at;
    const multiplier = e.partyMultipliers[0] as number;
    for (let stance = 0; stance < e.stride; stance++) {
      const target = e.targets[stance] as number;
      simpleDeltas[at + stance] = target < 0 ? 0 : (target - stance) * multiplier;
    }
    return at + e.stride;
  }, 0);
  return {
    events,
    simpleDigit: Int32Array.from(events, (e) => (e.simple ? (e.partyDigits[0] as number) : -1)),
    simpleDeltaStart,
    simpleDeltas,
    dayMove: events.length,
    dayDigit,
    dayMultiplier,
    timeUpDigit,
    // When time is up nothing more happens and no outcome is newly reached, so every such state is
    // the same: one key (all other digits 0) stands for all of them.
    timeUpKey: timeUpDigit * dayMultiplier,
    countDigit: encoding.countDigit,
    countMultiplier: encoding.countDigit >= 0 ? (m[encoding.countDigit] as number) : 0,
    maxEvents: horizon.maxEvents ?? Infinity,
  };
}

/** Receives the moves of a state, one call a move. */
export interface MoveSink {
  addMove(move: number, nextKey: number): void;
}

/**
 * Hands the moves possible from the state `key` (whose digits are in `digits`) to `sink`, in the
 * order of `getMoves`. One function for every model (not a closure per model), and the explorer
 * passes one class of sink, so that both calls stay inlined in its hot loop. Pure apart from the
 * sink.
 */
export function expandState(t: MoveTables, key: number, digits: Int32Array, sink: MoveSink): void {
  const { events, simpleDigit, simpleDeltas, simpleDeltaStart, countDigit, countMultiplier, dayDigit, timeUpDigit } = t;
  let urgent = false;
  if ((digits[dayDigit] as number) >= timeUpDigit) return;
  if (countDigit < 0 || (digits[countDigit] as number) < t.maxEvents) {
    for (let e = 0; e < events.length; e++) {
      const digit = simpleDigit[e] as number;
      if (digit >= 0) {
        // One party, one table lookup: what getEventDelta computes, without its loops.
        const delta = simpleDeltas[(simpleDeltaStart[e] as number) + (digits[digit] as number)] as number;
        if (delta !== 0) sink.addMove(e, key + delta + countMultiplier);
        continue;
      }
      const event = events[e] as EventTable;
      if (event.requires !== null && !event.requires(digits)) continue;
      const delta = getEventDelta(event, digits);
      if (delta === 0) continue;
      sink.addMove(e, key + delta + countMultiplier);
      if (event.urgent !== null && event.urgent(digits)) urgent = true;
    }
  }
  if (!urgent)
    sink.addMove(t.dayMove, (digits[dayDigit] as number) + 1 === timeUpDigit ? t.timeUpKey : key + t.dayMultiplier);
}
