import type { Horizon } from '../engine/horizon.js';
import { resolvePartySnapshot, type JointState, type PartySnapshot } from '../engine/joint-state.js';
import { DAY_PASSES, type Move } from '../engine/move.js';
import { getHypotheticalEventsInMoveOrder } from '../engine/move-order.js';
import { DAY_RATE } from '../engine/rates.js';
import type { FactValue } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { compileEventTable, getEventDelta, type EventTable } from './compiled-event.js';
import { compileDigitCondition, type DigitPredicate } from './digit-condition.js';
import { createStateEncoding, decodeDigits, getFactValueAt, getFactValueIndex, type StateEncoding } from './state-encoding.js';

/**
 * A model compiled into transition tables over encoded joint states, for the explorer and the
 * sampler. It implements exactly the moves of `getMoves` (engine/moves.ts), which stays the
 * reference: a test compares the two on every explored edge.
 */
export interface CompiledModel {
  readonly model: Model;
  readonly horizon: Horizon;
  readonly encoding: StateEncoding;
  /** The hypothetical events, in move order (by id); move index `events.length` is the passing of a day. */
  readonly events: readonly EventTable[];
  readonly dayMove: number;
  readonly outcomes: readonly DigitPredicate[];
  /** Returns the move with this index. */
  moveAt(index: number): Move;
  /** The weight of the move with this index. */
  weightOf(index: number): number;
  /** True once the last day of the horizon has passed: nothing more happens and no outcome is newly reached. */
  isTimeUp(digits: Int32Array): boolean;
  /** The one key of every state where time is up. */
  readonly timeUpKey: number;
  encode(joint: JointState, eventsSoFar?: number): number;
  decode(key: number): { readonly joint: JointState; readonly eventsSoFar: number };
  /**
   * Writes the moves possible from the state `key` (whose digits are in `digits`) into `moveOut`
   * and `keyOut`, in the order of `getMoves`, and returns how many there are.
   */
  expand(key: number, digits: Int32Array, moveOut: Int32Array, keyOut: Float64Array): number;
}

/** Compiles the model for states from `startDay` to the horizon. Pure. */
export function compileModel(model: Model, startDay: number, horizon: Horizon): CompiledModel {
  const encoding = createStateEncoding(model, startDay, horizon.endDay, horizon.maxEvents);
  const m = encoding.multipliers;
  const condition = (c: Parameters<typeof compileDigitCondition>[2]) => compileDigitCondition(model, encoding, c);
  const events = getHypotheticalEventsInMoveOrder(model).map((event) => compileEventTable(model, encoding, event, condition));
  const dayMove = events.length;
  const dayDigit = encoding.dayDigit;
  const dayMultiplier = m[dayDigit] as number;
  const timeUpDigit = horizon.endDay - startDay + 1;
  // When time is up nothing more happens and no outcome is newly reached, so every such state is
  // the same: one key (all other digits 0) stands for all of them.
  const timeUpKey = timeUpDigit * dayMultiplier;
  const countDigit = encoding.countDigit;
  const countMultiplier = countDigit >= 0 ? (m[countDigit] as number) : 0;
  const maxEvents = horizon.maxEvents ?? Infinity;
  // The one-party events without guards or preconditions (`simple`), flattened: their digit (-1
  // for any other event), multiplier and targets, so the hot loop reads typed arrays, not objects.
  const simpleDigit = Int32Array.from(events, (e) => (e.simple ? (e.partyDigits[0] as number) : -1));
  const simpleMultiplier = Float64Array.from(events, (e) => (e.simple ? (e.partyMultipliers[0] as number) : 0));
  const simpleTargetStart = new Int32Array(events.length);
  const simpleTargets = new Int32Array(events.reduce((n, e) => n + (e.simple ? e.stride : 0), 0));
  events.reduce((at, e, i) => {
    if (!e.simple) return at;
    simpleTargetStart[i] = at;
    simpleTargets.set(e.targets.subarray(0, e.stride), at);
    return at + e.stride;
  }, 0);

  function expand(key: number, digits: Int32Array, moveOut: Int32Array, keyOut: Float64Array): number {
    let n = 0;
    let urgent = false;
    if ((digits[dayDigit] as number) >= timeUpDigit) return 0;
    if (countDigit < 0 || (digits[countDigit] as number) < maxEvents) {
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
      moveOut[n] = dayMove;
      keyOut[n] = (digits[dayDigit] as number) + 1 === timeUpDigit ? timeUpKey : key + dayMultiplier;
      n++;
    }
    return n;
  }

  return {
    model,
    horizon,
    encoding,
    events,
    dayMove,
    outcomes: model.outcomes.map((o) => condition(o.when)),
    moveAt: (i) => (i === dayMove ? DAY_PASSES : (events[i] as EventTable).id),
    timeUpKey,
    isTimeUp: (digits) => (digits[dayDigit] as number) >= timeUpDigit,
    weightOf: (i) => (i === dayMove ? DAY_RATE : (events[i] as EventTable).weight),
    encode: (joint, eventsSoFar = 0) => encodeJoint(model, encoding, joint, eventsSoFar),
    decode: (key) => decodeJoint(model, encoding, key),
    expand,
  };
}

function encodeJoint(model: Model, encoding: StateEncoding, joint: JointState, eventsSoFar: number): number {
  const m = encoding.multipliers;
  let key = 0;
  model.parties.forEach((party, p) => {
    const stance = joint.parties[party.id]?.value as StanceId;
    key += party.stances.findIndex((s) => s.id === stance) * (m[encoding.partyDigit(p)] as number);
  });
  model.facts.forEach((fact, f) => {
    key += getFactValueIndex(fact, joint.facts[fact.id] as FactValue) * (m[encoding.factDigit(f)] as number);
  });
  key += (joint.day - encoding.startDay) * (m[encoding.dayDigit] as number);
  if (encoding.countDigit >= 0) key += eventsSoFar * (m[encoding.countDigit] as number);
  return key;
}

function decodeJoint(model: Model, encoding: StateEncoding, key: number): { joint: JointState; eventsSoFar: number } {
  const digits = new Int32Array(encoding.size);
  decodeDigits(encoding, key, digits);
  const parties: Record<PartyId, PartySnapshot> = {};
  model.parties.forEach((party, p) => {
    const stance = party.stances[digits[encoding.partyDigit(p)] as number]?.id as StanceId;
    parties[party.id] = resolvePartySnapshot(model, party.id, stance);
  });
  const facts: Record<FactId, FactValue> = {};
  model.facts.forEach((fact, f) => {
    facts[fact.id] = getFactValueAt(fact, digits[encoding.factDigit(f)] as number);
  });
  const joint = Object.freeze({ day: encoding.startDay + (digits[encoding.dayDigit] as number), facts: Object.freeze(facts), parties: Object.freeze(parties) });
  return { joint, eventsSoFar: encoding.countDigit >= 0 ? (digits[encoding.countDigit] as number) : 0 };
}
