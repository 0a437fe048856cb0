import { assertCheckedScenario, type Scenario } from '../api/scenario.js';

/** Checks that a matcher got a scenario (from `loadScenario`), else throws a usage error. */
export function assertScenario(received: unknown, matcher: string): asserts received is Scenario {
  const ok = typeof received === 'object' && received !== null && 'model' in received && 'machines' in received;
  if (!ok) throw new TypeError(`${matcher} expects a scenario from loadScenario(), got ${typeof received}`);
  assertCheckedScenario(received, matcher);
}
