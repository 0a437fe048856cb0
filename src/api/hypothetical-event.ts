import type { Scenario } from './scenario.js';
import { OptionError } from '../analysis/option-error.js';
import { didYouMean } from '../model/suggest.js';

/**
 * Checks that `id` names a hypothetical event of the scenario, as a matcher that takes one needs:
 * an unknown id says the nearest hypothetical event's id, a historical one says what it is. Throws
 * `OptionError`.
 */
export function assertHypotheticalEvent(scenario: Scenario, id: string, matcher: string): void {
  const event = scenario.model.events.find((e) => e.id === id);
  if (event?.kind === 'hypothetical') return;
  const hypothetical = scenario.model.events.filter((e) => e.kind === 'hypothetical').map((e) => e.id as string);
  if (event) {
    const where = `it happens on the timeline, on day ${event.day}`;
    const examples = hypothetical.slice(0, 3).join(', ');
    throw new OptionError(
      `${matcher}: "${id}" is a historical event (${where}); it takes hypothetical events, such as ${examples}`,
    );
  }
  const hint = didYouMean(id, hypothetical);
  throw new OptionError(
    `${matcher}: "${id}" is not an event of the scenario${hint ? ` (${hint})` : ''}; its hypothetical events: ${hypothetical.join(', ')}`,
  );
}
