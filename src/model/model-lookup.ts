import type { EventId, FactId, OutcomeId, PartyId } from './ids.js';
import type { Fact, Model, Outcome, Party, ScenarioEvent } from './model.js';

/** Id -> entry indexes of a model, built once per model. */
export interface ModelIndex {
  readonly parties: ReadonlyMap<PartyId, Party>;
  readonly facts: ReadonlyMap<FactId, Fact>;
  readonly events: ReadonlyMap<EventId, ScenarioEvent>;
  readonly outcomes: ReadonlyMap<OutcomeId, Outcome>;
}

const indexes = new WeakMap<Model, ModelIndex>();

/** Returns the model's indexes. Pure; memoised per model object. */
export function getModelIndex(model: Model): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    index = {
      parties: new Map(model.parties.map((p) => [p.id, p])),
      facts: new Map(model.facts.map((f) => [f.id, f])),
      events: new Map(model.events.map((e) => [e.id, e])),
      outcomes: new Map(model.outcomes.map((o) => [o.id, o])),
    };
    indexes.set(model, index);
  }
  return index;
}

/** Returns the event with this id; throws if absent, since callers pass ids taken from the model. */
export function getEvent(model: Model, id: EventId): ScenarioEvent {
  const event = getModelIndex(model).events.get(id);
  if (!event) throw new Error(`parley: no event "${id}" in model "${model.title}"`);
  return event;
}
