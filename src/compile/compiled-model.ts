import type { Horizon } from '../engine/horizon.js';
import { resolvePartySnapshot, type JointState, type PartySnapshot } from '../engine/joint-state.js';
import { DAY_PASSES, type Move } from '../engine/move.js';
import { getHypotheticalEventsInMoveOrder } from '../engine/move-order.js';
import { getMoveRates, getTimeUpDay } from '../engine/next-moves.js';
import type { FactValue } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { compileEventTable, type EventTable } from './compiled-event.js';
import { compileDigitCondition, type DigitPredicate } from './digit-condition.js';
import {
  createStateEncoding,
  decodeDigits,
  getFactValueAt,
  getFactValueIndex,
  type StateEncoding,
} from './state-encoding.js';

/**
 * A model compiled into tables over integer-encoded joint states, for the explorer and the
 * sampler: a second implementation of the state space that `step` defines (see `CompiledSpace`),
 * which the conformance suite checks against the reference on every explored state.
 */
export interface CompiledModel {
  readonly model: Model;
  readonly horizon: Horizon;
  readonly encoding: StateEncoding;
  /** The hypothetical events, in move order (by id); move number `events.length` is the passing of a day. */
  readonly events: readonly EventTable[];
  /** The move number of the passing of a day: `events.length`. */
  readonly dayMove: number;
  /** Each outcome's condition, over digits, in the model's order. */
  readonly outcomes: readonly DigitPredicate[];
  /** The rate of each move, by move number (see `getMoveRates`). */
  readonly rates: Float64Array;
  /** The one key of every state where time is up. */
  readonly timeUpKey: number;
  /** Returns the move with this number. */
  moveAt(index: number): Move;
  /** Returns the key of a joint state within the horizon (with `eventsSoFar` events since the start). */
  encode(joint: JointState, eventsSoFar?: number): number;
  /** Returns the joint state of a key, with its events so far; each snapshot through xstate's `resolveState`. */
  decode(key: number): { readonly joint: JointState; readonly eventsSoFar: number };
}

/** Compiles the model for states from `startDay` to the horizon. Pure. */
export function compileModel(model: Model, startDay: number, horizon: Horizon): CompiledModel {
  const timeUpDigit = getTimeUpDay(horizon) - startDay;
  const encoding = createStateEncoding(model, startDay, timeUpDigit + 1, horizon.maxEvents);
  const condition = (c: Parameters<typeof compileDigitCondition>[2]) => compileDigitCondition(model, encoding, c);
  const inMoveOrder = getHypotheticalEventsInMoveOrder(model);
  const events = inMoveOrder.map((event) => compileEventTable(model, encoding, event, condition));
  const dayMove = events.length;
  return {
    model,
    horizon,
    encoding,
    events,
    dayMove,
    outcomes: model.outcomes.map((o) => condition(o.when)),
    rates: getMoveRates(model, inMoveOrder),
    // Where time is up nothing more happens and nothing counts, so every such state behaves the
    // same: one key (every other digit 0) stands for all of them.
    timeUpKey: timeUpDigit * (encoding.multipliers[encoding.dayDigit] as number),
    moveAt: (i) => (i === dayMove ? DAY_PASSES : (events[i] as EventTable).id),
    encode: (joint, eventsSoFar = 0) => encodeJoint(model, encoding, joint, eventsSoFar),
    decode: (key) => decodeJoint(model, encoding, key),
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
  const joint = Object.freeze({
    day: encoding.startDay + (digits[encoding.dayDigit] as number),
    facts: Object.freeze(facts),
    parties: Object.freeze(parties),
  });
  return { joint, eventsSoFar: encoding.countDigit >= 0 ? (digits[encoding.countDigit] as number) : 0 };
}
