import { initialTransition, type SnapshotFrom } from 'xstate';
import type { FactValue, JointView } from '../model/condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import { getPartyMachine, getPartyMachines, type PartyMachine } from '../model/machines.js';
import type { Model } from '../model/model.js';

/** A party's XState snapshot; its state value is the party's stance. */
export type PartySnapshot = SnapshotFrom<PartyMachine>;

/**
 * The joint state of a negotiation: every party's snapshot, the shared facts, the simulated day.
 * Nothing derivable is stored here (outcomes and enabled events are computed from it). Immutable.
 */
export interface JointState {
  /** The simulated day: an integer on the scenario's day axis (day 0 is the day its `dayZero` describes). */
  readonly day: number;
  /** Every fact's value, by fact id. */
  readonly facts: Readonly<Record<FactId, FactValue>>;
  /** Every party's XState snapshot, by party id: its state value is the stance. */
  readonly parties: Readonly<Record<PartyId, PartySnapshot>>;
}

/**
 * Returns the joint state before the first event: each machine's initial snapshot (from xstate's
 * pure `initialTransition`), each fact's initial value, and the day of the first timeline event.
 * Pure.
 */
export function getInitialJointState(model: Model): JointState {
  const parties: Record<PartyId, PartySnapshot> = {};
  for (const [id, machine] of getPartyMachines(model)) parties[id] = initialTransition(machine)[0];
  const facts: Record<FactId, FactValue> = {};
  for (const fact of model.facts) facts[fact.id] = fact.initial;
  return Object.freeze({ day: getStartDay(model), facts: Object.freeze(facts), parties: Object.freeze(parties) });
}

/** The day the scenario starts: the day of its first timeline event (0 if it has none). Pure. */
export function getStartDay(model: Model): number {
  const first = model.events.find((e) => e.id === model.timeline[0]);
  return first?.day ?? 0;
}

/** Returns the party's stance in the joint state. Pure. */
export function getStance(joint: JointState, party: PartyId): StanceId {
  const snapshot = joint.parties[party];
  if (!snapshot) throw new Error(`parley: no party "${party}" in this joint state`);
  return snapshot.value as StanceId;
}

/** Returns every party's stance, in the model's party order. Pure. */
export function getStances(model: Model, joint: JointState): Record<PartyId, StanceId> {
  const stances: Record<PartyId, StanceId> = {};
  for (const party of model.parties) stances[party.id] = getStance(joint, party.id);
  return stances;
}

/** Returns the read-only view that guards, preconditions and outcome conditions read. Pure. */
export function getJointView(model: Model, joint: JointState): JointView {
  return { stances: getStances(model, joint), facts: joint.facts, day: joint.day };
}

/** Snapshots are never changed (a step makes new ones), so each party's in each stance is resolved once per model. */
const resolvedSnapshots = new WeakMap<Model, Map<string, PartySnapshot>>();

/** Returns the snapshot a machine has in this stance, built with xstate's `resolveState` (once per model, party and stance). Pure. */
export function resolvePartySnapshot(model: Model, party: PartyId, stance: StanceId): PartySnapshot {
  let known = resolvedSnapshots.get(model);
  if (!known) resolvedSnapshots.set(model, (known = new Map()));
  const key = `${party}\u0000${stance}`;
  let snapshot = known.get(key);
  if (!snapshot)
    known.set(key, (snapshot = getPartyMachine(model, party).resolveState({ value: stance, context: {} })));
  return snapshot;
}
