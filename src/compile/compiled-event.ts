import type { Condition } from '../model/condition.js';
import type { EventId } from '../model/ids.js';
import type { Model, ScenarioEvent } from '../model/model.js';
import type { DigitPredicate } from './digit-condition.js';
import { getFactDomainSize, getFactValueIndex, type StateEncoding } from './state-encoding.js';

/** A guarded move of a party: taken if `guard` holds (null: always). */
export interface Candidate {
  readonly guard: DigitPredicate | null;
  readonly target: number;
}

/** In `EventTable.targets`: the party keeps its stance. */
export const STAYS = -1;
/** In `EventTable.targets`: the move depends on guards, listed in `EventTable.guarded`. */
export const GUARDED = -2;

/**
 * One hypothetical event as flat tables over digits: for each party it moves (the i-th), its digit
 * and multiplier, and for each stance s the target at `targets[i * stride + s]` (or STAYS, or
 * GUARDED with the candidates at `guarded[i * stride + s]`); for each fact it changes, its digit,
 * multiplier, the constant it is set to (-1: none) and the amount added, within 0..max.
 */
export interface EventTable {
  readonly id: EventId;
  readonly requires: DigitPredicate | null;
  readonly urgent: DigitPredicate | null;
  readonly partyDigits: Int32Array;
  readonly partyMultipliers: Float64Array;
  readonly stride: number;
  readonly targets: Int32Array;
  readonly guarded: readonly (readonly Candidate[] | null)[];
  readonly factDigits: Int32Array;
  readonly factMultipliers: Float64Array;
  readonly factConstants: Int32Array;
  readonly factDeltas: Int32Array;
  readonly factMax: Int32Array;
  /**
   * True for the commonest event: it moves one party by a plain table (no guard), changes no fact
   * and has no precondition or urgency. The explorer takes a shorter path for it.
   */
  readonly simple: boolean;
}

/** Compiles one hypothetical event into its tables. Pure. */
export function compileEventTable(
  model: Model,
  encoding: StateEncoding,
  event: ScenarioEvent,
  condition: (c: Condition) => DigitPredicate,
): EventTable {
  const m = encoding.multipliers;
  const stride = Math.max(1, ...model.parties.map((p) => p.stances.length));
  const moved = model.parties
    .map((party, p) => ({ party, p }))
    .filter(({ party }) => party.stances.some((s) => s.on.some((t) => t.event === event.id)));
  const targets = new Int32Array(moved.length * stride).fill(STAYS);
  const guarded: (readonly Candidate[] | null)[] = new Array(moved.length * stride).fill(null);
  moved.forEach(({ party }, i) => {
    party.stances.forEach((stance, s) => {
      const candidates = stance.on
        .filter((t) => t.event === event.id)
        .map((t) => ({
          guard: t.when ? condition(t.when) : null,
          target: party.stances.findIndex((x) => x.id === t.to),
        }));
      if (candidates.length === 0) return;
      if ((candidates[0] as Candidate).guard === null) targets[i * stride + s] = (candidates[0] as Candidate).target;
      else {
        targets[i * stride + s] = GUARDED;
        guarded[i * stride + s] = candidates;
      }
    });
  });
  const changed = model.facts
    .map((fact, f) => ({ fact, f }))
    .filter(({ fact }) => event.set[fact.id] !== undefined || event.add[fact.id] !== undefined);
  return {
    id: event.id,
    requires: event.requires ? condition(event.requires) : null,
    urgent: event.urgent ? condition(event.urgent) : null,
    partyDigits: Int32Array.from(moved, ({ p }) => encoding.partyDigit(p)),
    partyMultipliers: Float64Array.from(moved, ({ p }) => m[encoding.partyDigit(p)] as number),
    stride,
    targets,
    guarded,
    factDigits: Int32Array.from(changed, ({ f }) => encoding.factDigit(f)),
    factMultipliers: Float64Array.from(changed, ({ f }) => m[encoding.factDigit(f)] as number),
    factConstants: Int32Array.from(changed, ({ fact }) =>
      event.set[fact.id] === undefined ? -1 : getFactValueIndex(fact, event.set[fact.id] as never),
    ),
    factDeltas: Int32Array.from(changed, ({ fact }) => event.add[fact.id] ?? 0),
    factMax: Int32Array.from(changed, ({ fact }) => getFactDomainSize(fact) - 1),
    simple:
      moved.length === 1 &&
      changed.length === 0 &&
      !event.requires &&
      !event.urgent &&
      !guarded.some((g) => g !== null),
  };
}

/** Returns the stance the event moves the i-th party it moves to, from the digits (its own stance if it stays). */
function getTarget(event: EventTable, i: number, digits: Int32Array): number {
  const stance = digits[event.partyDigits[i] as number] as number;
  const target = event.targets[i * event.stride + stance] as number;
  if (target === STAYS) return stance;
  if (target !== GUARDED) return target;
  for (const c of event.guarded[i * event.stride + stance] as readonly Candidate[]) {
    if (c.guard === null || c.guard(digits)) return c.target;
  }
  return stance;
}

/** Returns the value index the event gives the i-th fact it changes. */
function getFactValue(event: EventTable, i: number, digits: Int32Array): number {
  const constant = event.factConstants[i] as number;
  const start = constant >= 0 ? constant : (digits[event.factDigits[i] as number] as number);
  return Math.min(event.factMax[i] as number, Math.max(0, start + (event.factDeltas[i] as number)));
}

/**
 * Returns how much the event changes the key of the state whose digits are given (every guard
 * read before anything changes): 0 when it changes nothing. Pure.
 */
export function getEventDelta(event: EventTable, digits: Int32Array): number {
  let delta = 0;
  for (let i = 0; i < event.partyDigits.length; i++) {
    delta +=
      (getTarget(event, i, digits) - (digits[event.partyDigits[i] as number] as number)) *
      (event.partyMultipliers[i] as number);
  }
  for (let i = 0; i < event.factDigits.length; i++) {
    delta +=
      (getFactValue(event, i, digits) - (digits[event.factDigits[i] as number] as number)) *
      (event.factMultipliers[i] as number);
  }
  return delta;
}

/**
 * Applies the event to the digits in place (its parties' stances, then its facts' values, every
 * guard read against the state before the event), using `scratch` (room for both) to hold the new
 * values until all are worked out.
 */
export function applyEventToDigits(event: EventTable, digits: Int32Array, scratch: Int32Array): void {
  const parties = event.partyDigits.length;
  for (let i = 0; i < parties; i++) scratch[i] = getTarget(event, i, digits);
  for (let i = 0; i < event.factDigits.length; i++) scratch[parties + i] = getFactValue(event, i, digits);
  for (let i = 0; i < parties; i++) digits[event.partyDigits[i] as number] = scratch[i] as number;
  for (let i = 0; i < event.factDigits.length; i++)
    digits[event.factDigits[i] as number] = scratch[parties + i] as number;
}
