import type { EventId } from '../model/ids.js';
import type { Likelihood, Model } from '../model/model.js';

/**
 * Returns the model without these hypothetical events: what could happen if they never did. Pure.
 * Transitions on a removed event stay in the machines but are never taken.
 */
export function withoutEvents(model: Model, events: ReadonlySet<EventId>): Model {
  if (events.size === 0) return model;
  return { ...model, events: model.events.filter((e) => e.kind === 'historical' || !events.has(e.id)) };
}

/** Returns the model with some hypothetical events' likelihoods replaced by numbers. Pure. */
export function withLikelihoods(model: Model, likelihoods: ReadonlyMap<EventId, number>): Model {
  if (likelihoods.size === 0) return model;
  return {
    ...model,
    events: model.events.map((e) => {
      const value = likelihoods.get(e.id);
      if (value === undefined) return e;
      const likelihood: Likelihood = { kind: 'number', value };
      return { ...e, likelihood };
    }),
  };
}
