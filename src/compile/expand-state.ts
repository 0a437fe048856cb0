import type { Horizon } from '../engine/horizon.js';
import { getEventDelta, type EventTable } from './compiled-event.js';
import type { StateEncoding } from './state-encoding.js';

/**
 * What expanding a state needs, as flat data. The one-party events without guards or
 * preconditions (`simple`) are flattened into typed arrays: their digit (-1 for any other event),
 * multiplier and targets, so that the hot loop reads typed arrays, not objects.
 */
export interface MoveTables {
  readonly events: readonly EventTable[];
  readonly simpleDigit: Int32Array;
  readonly simpleMultiplier: Float64Array;
  readonly simpleTargetStart: Int32Array;
  readonly simpleTargets: Int32Array;
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
  const simpleTargetStart = new Int32Array(events.length);
  const simpleTargets = new Int32Array(events.reduce((n, e) => n + (e.simple ? e.stride : 0), 0));
  events.reduce((at, e, i) => {
    if (!e.simple) return at;
    simpleTargetStart[i] = at;
    simpleTargets.set(e.targets.subarray(0, e.stride), at);
    return at + e.stride;
  }, 0);
  return {
    events,
    simpleDigit: Int32Array.from(events, (e) => (e.simple ? (e.partyDigits[0] as number) : -1)),
    simpleMultiplier: Float64Array.from(events, (e) => (e.simple ? (e.partyMultipliers[0] as number) : 0)),
    simpleTargetStart,
    simpleTargets,
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

/**
 * Writes the moves possible from the state `key` (whose digits are in `digits`) into `moveOut` and
 * `keyOut`, in the order of `getMoves`, and returns how many there are. One function for every
 * model (not a closure per model), so that the explorer's call to it stays inlined. Pure apart
 * from the outputs.
 */
export function expandState(t: MoveTables, key: number, digits: Int32Array, moveOut: Int32Array, keyOut: Float64Array): number {
  const { events, simpleDigit, simpleTargets, simpleTargetStart, simpleMultiplier, countDigit, countMultiplier, dayDigit, timeUpDigit } = t;
  let n = 0;
  let urgent = false;
  if ((digits[dayDigit] as number) >= timeUpDigit) return 0;
  if (countDigit < 0 || (digits[countDigit] as number) < t.maxEvents) {
    for (let e = 0; e < events.length; e++) {
      const digit = simpleDigit[e] as number;
      if (digit >= 0) {
        // One party, one table lookup: the same arithmetic as getEventDelta, without its loops.
        const stance = digits[digit] as number;
        const target = simpleTargets[(simpleTargetStart[e] as number) + stance] as number;
        if (target < 0 || target === stance) continue;
        moveOut[n] = e;
        keyOut[n] = key + (target - stance) * (simpleMultiplier[e] as number) + countMultiplier;
        n++;
        continue;
      }
      const event = events[e] as EventTable;
      if (event.requires !== null && !event.requires(digits)) continue;
      const delta = getEventDelta(event, digits);
      if (delta === 0) continue;
      moveOut[n] = e;
      keyOut[n] = key + delta + countMultiplier;
      n++;
      if (event.urgent !== null && event.urgent(digits)) urgent = true;
    }
  }
  if (!urgent) {
    moveOut[n] = t.dayMove;
    keyOut[n] = (digits[dayDigit] as number) + 1 === timeUpDigit ? t.timeUpKey : key + t.dayMultiplier;
    n++;
  }
  return n;
}
