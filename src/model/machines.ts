import { setup, type AnyStateMachine } from 'xstate';
import type { Condition, JointView } from './condition.js';
import { holds } from './evaluate-condition.js';
import type { EventId, PartyId } from './ids.js';
import type { Model, Party, StanceTransition } from './model.js';

/**
 * The event a party machine receives: the scenario event's id as `type`, and a read-only view of
 * the joint state before the event, which guards read.
 */
export interface PartyMachineEvent {
  /** The scenario event's id; an id no stance of the party listens for changes nothing. */
  readonly type: EventId | string;
  /** The joint state before the event, which guards read (absent: only unguarded transitions are taken). */
  readonly view?: JointView;
}

/**
 * Returns the party as an XState v5 machine built with `setup(...).createMachine(...)`: one state per
 * stance (with its definition as `description` and citations in `meta`), one transition per
 * `on` entry. Guards are a single parameterised guard `holds` whose params are the declarative
 * condition. Pure. An event without `view` takes only unguarded transitions.
 */
export function createPartyMachine(party: Party) {
  const states = Object.fromEntries(
    party.stances.map((stance) => [
      stance.id,
      {
        description: stance.defines,
        meta: { cites: stance.cites },
        on: groupByEvent(stance.on),
      },
    ]),
  );
  return setup({
    types: { events: {} as PartyMachineEvent },
    guards: {
      holds: ({ event }, params: { condition: Condition }) =>
        event.view !== undefined && holds(params.condition, event.view),
    },
  }).createMachine({
    id: party.id,
    initial: party.initial,
    description: party.voice ? `${party.name} (voice: ${party.voice})` : party.name,
    meta: { cites: party.cites },
    states,
  });
}

function groupByEvent(transitions: readonly StanceTransition[]) {
  const on: Record<string, { target: string; guard?: { type: 'holds'; params: { condition: Condition } } }[]> = {};
  for (const t of transitions) {
    (on[t.event] ??= []).push({
      target: t.to,
      ...(t.when && { guard: { type: 'holds' as const, params: { condition: t.when } } }),
    });
  }
  return on;
}

/** A party's XState machine as `createPartyMachine` builds it: one state per stance. */
export type PartyMachine = ReturnType<typeof createPartyMachine>;

const machinesByModel = new WeakMap<Model, ReadonlyMap<PartyId, PartyMachine>>();

/** Returns every party's machine, in the model's party order. Pure; built once per model. */
export function getPartyMachines(model: Model): ReadonlyMap<PartyId, PartyMachine> {
  let machines = machinesByModel.get(model);
  if (!machines) {
    machines = new Map(model.parties.map((p) => [p.id, createPartyMachine(p)]));
    machinesByModel.set(model, machines);
  }
  return machines;
}

/** Returns the machine of one party; throws if absent, since callers pass ids from the model. */
export function getPartyMachine(model: Model, party: PartyId): AnyStateMachine & PartyMachine {
  const machine = getPartyMachines(model).get(party);
  if (!machine) throw new Error(`parley: no party "${party}" in model "${model.title}"`);
  return machine;
}
