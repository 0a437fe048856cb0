import type { Model, ScenarioEvent } from '../model/model.js';

/** The days within which a hypothetical event's likelihood is the chance that it happens, unless a scenario says otherwise. */
export const DEFAULT_LIKELIHOOD_WINDOW = 7;

/** The weight of the passing of a day: one tick a day. */
export const DAY_RATE = 1;

/**
 * Returns the rate (per day) at which a hypothetical event happens while it is possible: the rate
 * whose chance of at least one occurrence within the scenario's likelihood window (7 days unless
 * `likelihoodWindow` says otherwise) is the event's likelihood, `-ln(1 - p) / window`. Pure.
 */
export function getEventRate(model: Model, event: ScenarioEvent): number {
  const p = event.likelihood?.value ?? 0;
  return -Math.log1p(-p) / (model.likelihoodWindow ?? DEFAULT_LIKELIHOOD_WINDOW);
}
