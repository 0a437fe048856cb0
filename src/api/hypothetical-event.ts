import type { Model } from '../model/model.js';
import type { Scenario } from './scenario.js';
import { OptionError } from '../analysis/option-error.js';
import { didYouMean } from '../model/suggest.js';

/**
 * Checks that `id` names a hypothetical event of the scenario (in `model`, the model a question
 * asks of: there, a historical event's alternative is one), as a matcher that takes one needs: an
 * unknown id says the nearest hypothetical event's id, a historical one says what it is. Throws
 * `OptionError`.
 */
export function assertHypotheticalEvent(
  scenario: Scenario,
  id: string,
  matcher: string,
  model: Model = scenario.model,
): void {
  const event = model.events.find((e) => e.id === id);
  if (event?.kind === 'hypothetical') return;
  const hypothetical = model.events.filter((e) => e.kind === 'hypothetical').map((e) => e.id as string);
  if (event) {
    const alternative = event.alternative
      ? '; its alternative is one in a question that starts before it or without it'
      : '';
    const where = `it happens on the timeline, on day ${event.day}${alternative}`;
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
