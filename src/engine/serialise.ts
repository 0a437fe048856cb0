import type { FactValue } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { getStances, resolvePartySnapshot, type JointState, type PartySnapshot } from './joint-state.js';

/** The JSON form of a joint state: plain data, enough to rebuild every snapshot. */
export interface JointStateJson {
  /** The simulated day. */
  readonly day: number;
  /** Every party's stance, by party id, in the model's party order. */
  readonly stances: Readonly<Record<PartyId, StanceId>>;
  /** Every fact's value, by fact id, in the model's fact order. */
  readonly facts: Readonly<Record<FactId, FactValue>>;
}

/** Returns the joint state as plain JSON data, keys in the model's order. Pure. */
export function toJointStateJson(model: Model, joint: JointState): JointStateJson {
  const facts: Record<FactId, FactValue> = {};
  for (const fact of model.facts) facts[fact.id] = joint.facts[fact.id] as FactValue;
  return { day: joint.day, stances: getStances(model, joint), facts };
}

/** Rebuilds a joint state from its JSON form, each snapshot through xstate's `resolveState`. Pure. */
export function fromJointStateJson(model: Model, json: JointStateJson): JointState {
  const parties: Record<PartyId, PartySnapshot> = {};
  for (const party of model.parties) {
    parties[party.id] = resolvePartySnapshot(model, party.id, json.stances[party.id] as StanceId);
  }
  return Object.freeze({ day: json.day, facts: Object.freeze({ ...json.facts }), parties: Object.freeze(parties) });
}

/**
 * Returns the canonical key of a joint state: equal states give equal keys, whatever the order in
 * which parties, facts or keys were written. Pure; JSON with object keys sorted.
 */
export function getJointStateKey(model: Model, joint: JointState): string {
  return canonicalJson(toJointStateJson(model, joint));
}

/** JSON with every object's keys sorted, so that equal data always prints the same. Pure. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
