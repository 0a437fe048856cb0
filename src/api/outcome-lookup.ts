import type { OutcomeId } from '../model/ids.js';
import { didYouMean } from '../model/suggest.js';
import type { Scenario } from './scenario.js';

/** Thrown when a caller names an outcome the scenario does not have (the command line exits 2). */
export class UnknownOutcomeError extends Error {
  override name = 'UnknownOutcomeError';
}

/** Returns the index of an outcome of the scenario, or throws `UnknownOutcomeError` naming the outcomes it has. Pure. */
export function getOutcomeIndex(scenario: Scenario, outcome: string): number {
  const index = scenario.model.outcomes.findIndex((o) => o.id === (outcome as OutcomeId));
  if (index < 0) {
    const ids = scenario.model.outcomes.map((o) => o.id);
    const hint = didYouMean(outcome, ids);
    throw new UnknownOutcomeError(
      `unknown outcome "${outcome}"${hint ? ` (${hint})` : ''}; the scenario's outcomes: ${ids.join(', ')}`,
    );
  }
  return index;
}

/** Throws `UnknownOutcomeError` unless the scenario has this outcome. */
export function assertOutcome(scenario: Scenario, outcome: string): void {
  getOutcomeIndex(scenario, outcome);
}
