import type { Model, ScenarioEvent } from '../model/model.js';

const cache = new WeakMap<Model, readonly ScenarioEvent[]>();

/**
 * Returns the hypothetical events in the order every tool tries them as moves: by id, in code
 * point order. Ties between equally short paths are broken by this order, so results do not
 * depend on the order in which a file lists its events. Pure; sorted once per model.
 */
export function getHypotheticalEventsInMoveOrder(model: Model): readonly ScenarioEvent[] {
  let events = cache.get(model);
  if (!events) {
    events = model.events
      .filter((e) => e.kind === 'hypothetical')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    cache.set(model, events);
  }
  return events;
}
