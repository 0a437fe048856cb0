import { produce } from 'immer';
import { transition } from 'xstate';
import type { FactValue } from '../model/condition.js';
import type { EventId, FactId, PartyId } from '../model/ids.js';
import { getPartyMachines } from '../model/machines.js';
import { getEvent, getModelIndex } from '../model/model-lookup.js';
import type { IntegerFact, Model, ScenarioEvent } from '../model/model.js';
import { getJointView, type JointState, type PartySnapshot } from './joint-state.js';
import { isDayMove, type Move } from './move.js';

/**
 * The one step of parley's semantics: delivers a scenario event to every party machine and applies
 * the event's effects on the facts. Pure: it never mutates `joint` and reads no clock.
 *
 * Order within a step:
 * 1. A historical event moves the clock forward to its day (never back); a hypothetical event
 *    happens on the current day.
 * 2. Every party machine takes the event through xstate's pure `transition`, all against the same
 *    view of the joint state before the event (so the order of parties never matters).
 * 3. The event's `set` effects, then its `add` effects (saturating at the fact's bounds), are
 *    applied to the facts with immer.
 *
 * The move `DAY_PASSES` only advances the clock by one day; no machine receives it.
 *
 * It does not check the event's `requires`: replaying, exploring and sampling decide which events
 * may happen (see `isEventEnabled`).
 */
export function step(model: Model, joint: JointState, move: Move): JointState {
  if (isDayMove(move)) return Object.freeze({ ...joint, day: joint.day + 1 });
  const eventId: EventId = move;
  const event = getEvent(model, eventId);
  const day = event.kind === 'historical' && event.day !== undefined && event.day > joint.day ? event.day : joint.day;
  const before: JointState = day === joint.day ? joint : { ...joint, day };
  const view = getJointView(model, before);

  const parties: Record<PartyId, PartySnapshot> = {};
  for (const [id, machine] of getPartyMachines(model)) {
    const snapshot = joint.parties[id] as PartySnapshot;
    parties[id] = transition(machine, snapshot, { type: eventId, view })[0];
  }
  return Object.freeze({ day, facts: applyEffects(model, joint.facts, event), parties: Object.freeze(parties) });
}

/** Returns the facts after the event's effects. Pure; immer shares what did not change. */
export function applyEffects(
  model: Model,
  facts: Readonly<Record<FactId, FactValue>>,
  event: ScenarioEvent,
): Readonly<Record<FactId, FactValue>> {
  const setEntries = Object.entries(event.set) as [FactId, FactValue][];
  const addEntries = Object.entries(event.add) as [FactId, number][];
  if (setEntries.length === 0 && addEntries.length === 0) return facts;
  const index = getModelIndex(model).facts;
  return produce(facts, (draft: Record<FactId, FactValue>) => {
    for (const [fact, value] of setEntries) draft[fact] = value;
    for (const [fact, delta] of addEntries) {
      const { min, max } = index.get(fact) as IntegerFact;
      draft[fact] = Math.min(max, Math.max(min, (draft[fact] as number) + delta));
    }
  });
}
