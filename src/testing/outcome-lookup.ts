import type { Scenario } from '../api/scenario.js';
import type { OutcomeId } from '../model/ids.js';
import { didYouMean } from '../model/suggest.js';

/** Checks that a matcher got a scenario (from `loadScenario`), else throws a usage error. */
export function assertScenario(received: unknown, matcher: string): asserts received is Scenario {
  const ok = typeof received === 'object' && received !== null && 'model' in received && 'machines' in received;
  if (!ok) throw new TypeError(`${matcher} expects a scenario from loadScenario(), got ${typeof received}`);
}

/** Returns the index of an outcome of the scenario, or throws naming the outcomes it has. */
export function getOutcomeIndex(scenario: Scenario, outcome: string): number {
  const index = scenario.model.outcomes.findIndex((o) => o.id === (outcome as OutcomeId));
  if (index < 0) {
    const ids = scenario.model.outcomes.map((o) => o.id);
    const hint = didYouMean(outcome, ids);
    throw new Error(`unknown outcome "${outcome}"${hint ? ` (${hint})` : ''}; the scenario's outcomes: ${ids.join(', ')}`);
  }
  return index;
}
