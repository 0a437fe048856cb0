import { ablate } from '../api/analyses.js';
import { assertScenario } from './assert-scenario.js';
import { validateOptions } from '../options/validate-options.js';
import { INERT_OPTIONS } from '../options/question-option-rules.js';
import type { MatcherOutcome, ReachOptions } from './matchers.js';
import { describeStartAndHorizon } from './messages.js';
import { plural } from '../report/plural.js';

/** Options of `toHaveNoInertElements`: where to look from, and which outcomes count (default: all). */
export interface InertOptions extends Omit<ReachOptions, 'path'> {
  /** Only these outcomes count, by id: an element that moves none of them is inert (absent: all). */
  readonly outcomes?: readonly string[];
}

/**
 * Whether every modelling element does work: removing any one (as `parley ablate` does) changes
 * some outcome, or the scenario's `notes` say why it stays. A search cut short decides nothing.
 */
export function toHaveNoInertElements(received: unknown, options: InertOptions = {}, isNot = false): MatcherOutcome {
  assertScenario(received, 'toHaveNoInertElements');
  validateOptions('toHaveNoInertElements', options, INERT_OPTIONS);
  const result = ablate(received, options);
  const where = describeStartAndHorizon(
    { description: result.start.description, joint: { day: result.start.day } },
    result.horizon,
  );
  const unknown = result.elements.filter((e) => e.effect === 'cannot-tell');
  if (unknown.length > 0 || !result.search.exhaustive)
    return {
      pass: isNot,
      message: () =>
        `cannot tell whether every element does work ${where}: a search was cut short (raise maxStates)${unknown.length ? ` for ${unknown.map((e) => e.id).join(', ')}` : ''}`,
    };
  const unexplained = result.elements.filter((e) => e.effect === 'inert' && e.note?.inert === undefined);
  const list = unexplained.map((e) => `  ${e.id}: ${e.description} (${e.cites.join(' ')})`).join('\n');
  return {
    pass: unexplained.length === 0,
    message: () =>
      unexplained.length === 0
        ? `expected an element that changes no outcome ${where} with no note saying why it stays, but each of the ${plural(result.elements.length, 'element')} moves an outcome or has such a note`
        : `expected every element to move an outcome ${where} or have a note saying why it stays, but removing any one of these changes nothing and no note explains it:\n${list}`,
  };
}
