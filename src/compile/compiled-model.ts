import type { Horizon } from '../engine/horizon.js';
import { resolvePartySnapshot, type JointState, type PartySnapshot } from '../engine/joint-state.js';
import { DAY_PASSES, type Move } from '../engine/move.js';
import { getHypotheticalEventsInMoveOrder } from '../engine/move-order.js';
import { DAY_RATE } from '../engine/rates.js';
import type { FactValue } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { compileEventTable, type EventTable } from './compiled-event.js';
import { createMoveTables, type MoveTables } from './expand-state.js';
import { compileDigitCondition, type DigitPredicate } from './digit-condition.js';
import {
  createStateEncoding,
  decodeDigits,
  getFactValueAt,
  getFactValueIndex,
  type StateEncoding,
} from './state-encoding.js';

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
  /** The flat tables `expandState` reads: hot loops call `expandState(tables, ...)` directly. */
  readonly tables: MoveTables;
}

/** Compiles the model for states from `startDay` to the horizon. Pure. */
export function compileModel(model: Model, startDay: number, horizon: Horizon): CompiledModel {
  const encoding = createStateEncoding(model, startDay, horizon.endDay, horizon.maxEvents);
  const condition = (c: Parameters<typeof compileDigitCondition>[2]) => compileDigitCondition(model, encoding, c);
  const events = getHypotheticalEventsInMoveOrder(model).map((event) =>
    compileEventTable(model, encoding, event, condition),
  );
  const tables = createMoveTables(events, encoding, horizon);
  const { dayMove, dayDigit, timeUpDigit } = tables;

  return {
    model,
    horizon,
    encoding,
    events,
    dayMove,
    outcomes: model.outcomes.map((o) => condition(o.when)),
    moveAt: (i) => (i === dayMove ? DAY_PASSES : (events[i] as EventTable).id),
    timeUpKey: tables.timeUpKey,
    isTimeUp: (digits) => (digits[dayDigit] as number) >= timeUpDigit,
    weightOf: (i) => (i === dayMove ? DAY_RATE : (events[i] as EventTable).weight),
    encode: (joint, eventsSoFar = 0) => encodeJoint(model, encoding, joint, eventsSoFar),
    decode: (key) => decodeJoint(model, encoding, key),
    tables,
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
